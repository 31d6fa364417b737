package dev.skyloom.concurrent;

import dev.skyloom.Page;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Reads a lazy page stream one request at a time under the load's request limit: each {@link #next} takes one
 * permit for exactly one request, and after the page marked {@linkplain Page#last() last} nothing more is asked of
 * the stream, so no permit is taken for a request that is never sent. (A stream's iterator may send the request
 * when asked whether there is a next page, so that question is never asked outside a permit.)
 */
final class PageCursor {

    private final Iterator<Page> pages;
    private final RequestLimiter limiter;
    private boolean more = true;

    /**
     * @param pages   a query's pages, as {@code Collection.pages} returns them
     * @param limiter the load's request limit
     */
    PageCursor(Stream<Page> pages, RequestLimiter limiter) {
        this.pages = pages.iterator();
        this.limiter = limiter;
    }

    /** {@return whether another page is to come} */
    boolean more() {
        return more;
    }

    /** {@return the next page, its request sent while holding a permit} */
    Page next() {
        Page page = limiter.call(pages::next);
        more = !page.last();
        return page;
    }
}

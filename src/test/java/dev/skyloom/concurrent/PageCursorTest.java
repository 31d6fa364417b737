package dev.skyloom.concurrent;

import dev.skyloom.Page;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class PageCursorTest {

    @Test
    void eachPageTakesOnePermitAndNothingIsAskedAfterTheLastEvenWhenTheStreamFetchesInHasNext() {
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger requestsOutsideAPermit = new AtomicInteger();
        RequestLimiter limiter = new RequestLimiter(1);
        // a stream's iterator asks its spliterator for the next element in hasNext(): that is where the request goes
        Iterator<Page> source = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return requests.get() < 3;
            }

            @Override
            public Page next() {
                requests.incrementAndGet();
                if (limiter.taken() != requests.get()) {
                    requestsOutsideAPermit.incrementAndGet();
                }
                return new Page(List.of(), 10, requests.get() == 3);
            }
        };
        Stream<Page> pages = StreamSupport.stream(Spliterators.spliteratorUnknownSize(source,
                Spliterator.ORDERED), false);

        PageCursor cursor = new PageCursor(pages, limiter);
        List<Page> got = new ArrayList<>();
        while (cursor.more()) {
            got.add(cursor.next());
        }

        assertThat(got).hasSize(3);
        assertThat(requests).hasValue(3);
        assertThat(limiter.taken()).isEqualTo(3);
        assertThat(requestsOutsideAPermit).hasValue(0);
    }
}

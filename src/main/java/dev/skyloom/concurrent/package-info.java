/**
 * Loading many collections, or one large collection, concurrently with structured concurrency.
 * {@link dev.skyloom.concurrent.ConcurrentLoader} is the entry point: {@code load} returns a
 * {@link dev.skyloom.concurrent.LoadResult} with one {@link dev.skyloom.concurrent.Outcome} per collection, and
 * {@code stream} hands each collection's pages to its own {@link dev.skyloom.concurrent.CollectionSink} as they
 * arrive and returns a {@link dev.skyloom.concurrent.StreamResult}.
 *
 * <p>Every use of the preview API {@code java.util.concurrent.StructuredTaskScope} is inside one package-private
 * class of this package, so moving to the next JDK changes one file.
 *
 * <p>Every parameter and return value is non-null unless its documentation says otherwise.
 */
package dev.skyloom.concurrent;

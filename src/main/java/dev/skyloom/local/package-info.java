/**
 * The local, Tilebox-compatible Datasets server: {@link dev.skyloom.local.LocalServer} and its settings, the Connect
 * handler and routes, the RPCs of the four services, and the adapter that writes the demo catalogue into the store.
 * Its parts live in subpackages that never depend on this one: {@code store} (SQLite), {@code schema} (dataset
 * types), {@code geo} (spatial filters), {@code demo} (the demo catalogue) and {@code error} (the refusal every part
 * throws).
 *
 * <p>Internal to Skyloom (not exported). Every parameter and return value is non-null unless its documentation says
 * otherwise.
 */
package dev.skyloom.local;

/**
 * The local server's SQLite store: {@link dev.skyloom.local.store.Database} (connections and transactions),
 * {@link dev.skyloom.local.store.CatalogStore} (groups, datasets, collections) and
 * {@link dev.skyloom.local.store.DatapointStore} (datapoints by id, time and bbox), with what writes and reads them:
 * {@link dev.skyloom.local.store.Ingestor}, datapoint ids and id ranges, and the field filters a scan applies.
 *
 * <p>Internal to Skyloom (not exported). Every parameter and return value is non-null unless its documentation says
 * otherwise.
 */
package dev.skyloom.local.store;

/**
 * The deterministic demo catalogue: {@link dev.skyloom.local.demo.DemoCatalog} generates Sentinel-2, Sentinel-1 and
 * Landsat-8 datasets, collections and datapoints (sun-synchronous ground tracks over land, with the spherical-Earth
 * and WKB helpers only it uses) and writes them to a {@link dev.skyloom.local.demo.DemoSink}. It knows nothing of
 * the store or the server; the server's {@code StoreDemoSink} writes the catalogue into the store.
 *
 * <p>Internal to Skyloom (not exported). Every parameter and return value is non-null unless its documentation says
 * otherwise.
 */
package dev.skyloom.local.demo;

/**
 * Spatial filtering for the local server: {@link dev.skyloom.local.geo.SpatialPredicate} validates a Query's spatial
 * filter and matches datapoint geometries against it, planar or spherical, and
 * {@link dev.skyloom.local.geo.SphericalGeometry} approximates great-circle geometry on the lon/lat plane (also for
 * the spherical bbox the store indexes).
 *
 * <p>Internal to Skyloom (not exported). Every parameter and return value is non-null unless its documentation says
 * otherwise.
 */
package dev.skyloom.local.geo;

/**
 * Datapoint decoding: turns a dataset's descriptor set into a {@link dev.skyloom.codec.DatapointType} and its
 * serialized datapoints into {@link dev.skyloom.Datapoint}s, and converts geometries between (E)WKB and JTS.
 *
 * <p>Internal to Skyloom (not exported). Parameters and return values are non-null unless a method says otherwise.
 */
package dev.skyloom.codec;

/**
 * The Connect transport: the only code in Skyloom that speaks HTTP. It sends unary Connect requests with binary
 * protobuf bodies, decodes gzip, maps Connect errors onto {@link dev.skyloom.SkyloomException}, retries transient
 * failures and honours timeouts and thread interruption.
 *
 * <p>Every parameter and return value is non-null unless its documentation says otherwise.
 */
package dev.skyloom.connect;

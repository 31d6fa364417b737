/**
 * How the local server refuses a request: {@link dev.skyloom.local.error.RpcException} with a
 * {@link dev.skyloom.local.error.ConnectCode}. Its own package because the store, the spatial filter and the RPCs all
 * throw it, and none of them should depend on the server that turns it into an HTTP answer.
 *
 * <p>Internal to Skyloom (not exported). Every parameter and return value is non-null unless its documentation says
 * otherwise.
 */
package dev.skyloom.local.error;

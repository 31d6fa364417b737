/**
 * Dataset types as the local server holds them: {@link dev.skyloom.local.schema.DatasetTypeCompiler} compiles the
 * fields of a CreateDataset request into the dataset's datapoint message type,
 * {@link dev.skyloom.local.schema.DatasetFields} declares fields, and {@link dev.skyloom.local.schema.DatapointTypes}
 * resolves a stored type back into a protobuf descriptor. The RPCs, the store and the demo catalogue all build on it.
 *
 * <p>Internal to Skyloom (not exported). Every parameter and return value is non-null unless its documentation says
 * otherwise.
 */
package dev.skyloom.local.schema;

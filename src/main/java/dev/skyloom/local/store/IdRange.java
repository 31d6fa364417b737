package dev.skyloom.local.store;

import com.google.protobuf.Timestamp;
import dev.skyloom.local.error.RpcException;
import dev.skyloom.wire.tilebox.v1.IDInterval;
import dev.skyloom.wire.tilebox.v1.TimeInterval;

/**
 * The datapoints a Query selects by time or id, as one range of ids (compared unsigned). Because an id starts with
 * its datapoint's time in ms, a time interval floored to ms is the id range between the two times' id prefixes; this
 * is the one place where interval bounds and their inclusivity flags are interpreted.
 *
 * @param low           the lower bound
 * @param lowInclusive  whether {@code low} itself is selected
 * @param high          the upper bound
 * @param highInclusive whether {@code high} itself is selected
 */
public record IdRange(byte[] low, boolean lowInclusive, byte[] high, boolean highInclusive) {

    /**
     * The ids of datapoints whose time, floored to ms, lies in the interval (also floored to ms): {@code [start, end)}
     * by default, {@code start_exclusive} and {@code end_inclusive} respected.
     *
     * @param interval the wire time interval
     * @return the range
     * @throws RpcException invalid_argument if a bound is missing or not a valid timestamp (see {@link Timestamps}), or
     *                      the end is before the start
     */
    public static IdRange of(TimeInterval interval) {
        if (!interval.hasStartTime() || !interval.hasEndTime()) {
            throw RpcException.invalidArgument("time interval needs both start_time and end_time");
        }
        Timestamp start = Timestamps.check("time interval start_time", interval.getStartTime());
        Timestamp end = Timestamps.check("time interval end_time", interval.getEndTime());
        if (end.getSeconds() < start.getSeconds()
                || end.getSeconds() == start.getSeconds() && end.getNanos() < start.getNanos()) {
            throw RpcException.invalidArgument("time interval end " + end.getSeconds() + "s is before its start "
                    + start.getSeconds() + "s");
        }
        long firstMs = DatapointIds.floorMs(start) + (interval.getStartExclusive() ? 1 : 0);
        long endMsExclusive = DatapointIds.floorMs(end) + (interval.getEndInclusive() ? 1 : 0);
        byte[] low = DatapointIds.prefix(Math.clamp(firstMs, 0, DatapointIds.MAX_MS));
        if (endMsExclusive > DatapointIds.MAX_MS) {
            byte[] last = new byte[16];
            java.util.Arrays.fill(last, (byte) 0xFF);
            return new IdRange(low, true, last, true);
        }
        return new IdRange(low, true, DatapointIds.prefix(Math.max(0, endMsExclusive)), false);
    }

    /**
     * The ids between two datapoint ids, {@code start_exclusive} and {@code end_inclusive} respected.
     *
     * @param interval the wire id interval
     * @return the range
     * @throws RpcException invalid_argument if an id is missing or malformed, or the end is before the start
     */
    public static IdRange of(IDInterval interval) {
        if (!interval.hasStartId() || !interval.hasEndId()) {
            throw RpcException.invalidArgument("datapoint interval needs both start_id and end_id");
        }
        byte[] start = DatapointIds.bytes(interval.getStartId(), "datapoint interval start_id");
        byte[] end = DatapointIds.bytes(interval.getEndId(), "datapoint interval end_id");
        if (DatapointIds.compare(end, start) < 0) {
            throw RpcException.invalidArgument("datapoint interval end_id is before its start_id");
        }
        return new IdRange(start, !interval.getStartExclusive(), end, interval.getEndInclusive());
    }

    /**
     * This range restricted to ids strictly after {@code id} (the {@code starting_after} of a page).
     *
     * @param id the last id of the previous page, 16 bytes
     * @return the restricted range
     */
    public IdRange after(byte[] id) {
        int order = DatapointIds.compare(id, low);
        if (order < 0 || order == 0 && !lowInclusive) {
            return this;
        }
        return new IdRange(id, false, high, highInclusive);
    }

    /** The SQL condition on column {@code id} for this range, with two parameters: low, then high. */
    String sql() {
        return "id " + (lowInclusive ? ">=" : ">") + " ? AND id " + (highInclusive ? "<=" : "<") + " ?";
    }
}

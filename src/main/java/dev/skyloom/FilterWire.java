package dev.skyloom;

import com.google.protobuf.ByteString;
import dev.skyloom.wire.datasets.v1.FieldComparison;
import dev.skyloom.wire.datasets.v1.FieldComparisonOperator;
import dev.skyloom.wire.datasets.v1.FieldNullCheck;
import dev.skyloom.wire.datasets.v1.FieldQueryValue;
import dev.skyloom.wire.datasets.v1.FilterExpression;
import dev.skyloom.wire.datasets.v1.LogicalExpression;
import dev.skyloom.wire.datasets.v1.LogicalOperator;

import java.util.List;

/**
 * Turns {@link Filter}s into the wire's {@link FilterExpression}s, and checks the service's limits on them: at most
 * {@value #MAX_LIST} expressions per list (the top-level list and each operand list), at most {@value #MAX_NODES}
 * expression nodes in all, nesting at most {@value #MAX_DEPTH} deep (a top-level expression has depth 1).
 */
final class FilterWire {

    static final int MAX_LIST = 64;
    static final int MAX_NODES = 256;
    static final int MAX_DEPTH = 8;

    private FilterWire() {
    }

    /**
     * Checks the filters of one query against the service's limits.
     *
     * @throws IllegalArgumentException naming the limit that is exceeded
     */
    static void checkLimits(List<Filter> filters) {
        if (filters.size() > MAX_LIST) {
            throw new IllegalArgumentException("a query may have at most " + MAX_LIST + " filters, got "
                    + filters.size());
        }
        int nodes = 0;
        for (Filter filter : filters) {
            nodes += check(filter, 1);
        }
        if (nodes > MAX_NODES) {
            throw new IllegalArgumentException("the filters of a query may have at most " + MAX_NODES
                    + " expressions (comparisons, null checks, AND, OR, NOT) in all, got " + nodes);
        }
    }

    private static int check(Filter filter, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("filters may nest at most " + MAX_DEPTH
                    + " levels deep (AND, OR and NOT each add a level)");
        }
        List<Filter> operands = switch (filter) {
            case Filter.And and -> and.operands();
            case Filter.Or or -> or.operands();
            case Filter.Not not -> List.of(not.operand());
            case Filter.Comparison _, Filter.IsNull _ -> List.of();
        };
        if (operands.size() > MAX_LIST) {
            throw new IllegalArgumentException("an AND or OR may have at most " + MAX_LIST + " operands, got "
                    + operands.size());
        }
        int nodes = 1;
        for (Filter operand : operands) {
            nodes += check(operand, depth + 1);
        }
        return nodes;
    }

    /** {@return the wire form of one filter} */
    static FilterExpression toWire(Filter filter) {
        return switch (filter) {
            case Filter.And and -> logical(LogicalOperator.LOGICAL_OPERATOR_AND, and.operands());
            case Filter.Or or -> logical(LogicalOperator.LOGICAL_OPERATOR_OR, or.operands());
            case Filter.Not not -> logical(LogicalOperator.LOGICAL_OPERATOR_NOT, List.of(not.operand()));
            case Filter.IsNull isNull -> FilterExpression.newBuilder()
                    .setIsNull(FieldNullCheck.newBuilder().setFieldName(isNull.field())).build();
            case Filter.Comparison c -> FilterExpression.newBuilder().setComparison(FieldComparison.newBuilder()
                    .setFieldName(c.field())
                    .setOperator(operator(c.operator()))
                    .setValue(value(c.value()))).build();
        };
    }

    private static FilterExpression logical(LogicalOperator operator, List<Filter> operands) {
        LogicalExpression.Builder logical = LogicalExpression.newBuilder().setOperator(operator);
        operands.forEach(operand -> logical.addOperands(toWire(operand)));
        return FilterExpression.newBuilder().setLogical(logical).build();
    }

    private static FieldComparisonOperator operator(Filter.Operator operator) {
        return switch (operator) {
            case EQ -> FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_EQUAL;
            case NE -> FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_NOT_EQUAL;
            case LT -> FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_LESS_THAN;
            case LE -> FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_LESS_THAN_OR_EQUAL;
            case GT -> FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_GREATER_THAN;
            case GE -> FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_GREATER_THAN_OR_EQUAL;
        };
    }

    private static FieldQueryValue value(FilterValue value) {
        FieldQueryValue.Builder wire = FieldQueryValue.newBuilder();
        switch (value) {
            case FilterValue.Bool b -> wire.setBoolValue(b.value());
            case FilterValue.Int64 i -> wire.setInt64Value(i.value());
            case FilterValue.Uint64 u -> wire.setUint64Value(u.bits());
            case FilterValue.Real r -> wire.setDoubleValue(r.value());
            case FilterValue.Text t -> wire.setStringValue(t.value());
            case FilterValue.Timestamp t -> wire.setTimestampValue(WireValues.timestamp(t.value()));
            case FilterValue.Duration d -> wire.setDurationValue(com.google.protobuf.Duration.newBuilder()
                    .setSeconds(d.value().getSeconds()).setNanos(d.value().getNano()));
            case FilterValue.EnumName e -> wire.setEnumName(e.name());
            case FilterValue.Bytes b -> wire.setBytesValue(ByteString.copyFrom(b.value()));
        }
        return wire.build();
    }
}

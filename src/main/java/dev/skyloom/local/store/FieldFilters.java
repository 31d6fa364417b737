package dev.skyloom.local.store;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.skyloom.local.error.InputText;
import dev.skyloom.local.error.RpcException;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.FieldComparison;
import dev.skyloom.wire.datasets.v1.FieldComparisonOperator;
import dev.skyloom.wire.datasets.v1.FieldQueryValue;
import dev.skyloom.wire.datasets.v1.FilterExpression;
import dev.skyloom.wire.datasets.v1.LogicalExpression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The field filters of a Query ({@code QueryFilters.expressions}), validated as the service validates them and
 * compiled into a predicate over decoded datapoints. Validation: at most {@value #MAX_LIST} expressions per list, at
 * most {@value #MAX_NODES} in all, nested at most {@value #MAX_DEPTH} deep; NOT takes one operand, AND and OR at least
 * two; every field exists at the top level and is queryable; the literal suits the field (numbers for numeric fields,
 * text for strings, booleans for bools, which only {@code =} and {@code <>} compare).
 *
 * <p>Evaluation follows SQL/CQL2 three-valued logic: a comparison with a field the datapoint leaves unset is unknown
 * (for {@code <>} too), NOT of unknown is unknown, AND is false if any operand is false and else unknown if any is,
 * OR is true if any operand is true and else unknown if any is. A datapoint matches only if every expression is true.
 */
public final class FieldFilters {

    static final int MAX_LIST = 64;
    static final int MAX_NODES = 256;
    static final int MAX_DEPTH = 8;
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** One compiled expression; {@code null} from {@link #eval} means unknown. */
    private sealed interface Node {
        Boolean eval(DynamicMessage datapoint);
    }

    private record All(List<Node> operands) implements Node {
        public Boolean eval(DynamicMessage datapoint) {
            boolean unknown = false;
            for (Node operand : operands) {
                Boolean value = operand.eval(datapoint);
                if (Boolean.FALSE.equals(value)) {
                    return false;
                }
                unknown |= value == null;
            }
            return unknown ? null : true;
        }
    }

    private record Any(List<Node> operands) implements Node {
        public Boolean eval(DynamicMessage datapoint) {
            boolean unknown = false;
            for (Node operand : operands) {
                Boolean value = operand.eval(datapoint);
                if (Boolean.TRUE.equals(value)) {
                    return true;
                }
                unknown |= value == null;
            }
            return unknown ? null : false;
        }
    }

    private record Negation(Node operand) implements Node {
        public Boolean eval(DynamicMessage datapoint) {
            Boolean value = operand.eval(datapoint);
            return value == null ? null : !value;
        }
    }

    private record Unset(FieldDescriptor field) implements Node {
        public Boolean eval(DynamicMessage datapoint) {
            return !datapoint.hasField(field);
        }
    }

    private record Compare(FieldDescriptor field, FieldComparisonOperator operator, Object literal) implements Node {
        public Boolean eval(DynamicMessage datapoint) {
            if (!datapoint.hasField(field)) {
                return null;
            }
            Object value = datapoint.getField(field);
            if (value instanceof Double d && Double.isNaN(d)) {
                return operator == FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_NOT_EQUAL;
            }
            int order = switch (literal) {
                case BigDecimal number -> number(field, value).compareTo(number);
                case String text -> ((String) value).compareTo(text);
                case Boolean bool -> Boolean.compare((Boolean) value, bool);
                default -> throw new IllegalStateException("unexpected literal " + literal);
            };
            return switch (operator) {
                case FIELD_COMPARISON_OPERATOR_EQUAL -> order == 0;
                case FIELD_COMPARISON_OPERATOR_NOT_EQUAL -> order != 0;
                case FIELD_COMPARISON_OPERATOR_LESS_THAN -> order < 0;
                case FIELD_COMPARISON_OPERATOR_LESS_THAN_OR_EQUAL -> order <= 0;
                case FIELD_COMPARISON_OPERATOR_GREATER_THAN -> order > 0;
                case FIELD_COMPARISON_OPERATOR_GREATER_THAN_OR_EQUAL -> order >= 0;
                default -> throw new IllegalStateException("unexpected operator " + operator);
            };
        }
    }

    private final List<Node> expressions;

    private FieldFilters(List<Node> expressions) {
        this.expressions = expressions;
    }

    /**
     * Validates and compiles the expressions of a query against a dataset's type.
     *
     * @param type the dataset's compiled type
     * @param descriptor the dataset's datapoint message type
     * @param expressions the query's filter expressions
     * @return the compiled filters
     * @throws RpcException invalid_argument naming the problem
     */
    public static FieldFilters compile(AnnotatedType type, Descriptor descriptor, List<FilterExpression> expressions) {
        if (expressions.size() > MAX_LIST) {
            throw RpcException.invalidArgument("too many filter expressions: " + expressions.size() + ", at most "
                    + MAX_LIST);
        }
        Compiler compiler = new Compiler(type, descriptor);
        List<Node> nodes = new ArrayList<>();
        for (FilterExpression expression : expressions) {
            nodes.add(compiler.node(expression, 1));
        }
        return new FieldFilters(List.copyOf(nodes));
    }

    /** {@return whether there are no expressions, so every datapoint matches} */
    public boolean isEmpty() {
        return expressions.isEmpty();
    }

    /**
     * {@return whether every expression is true for the datapoint (unknown does not match)}
     *
     * @param datapoint the decoded datapoint
     */
    public boolean matches(DynamicMessage datapoint) {
        for (Node expression : expressions) {
            if (!Boolean.TRUE.equals(expression.eval(datapoint))) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal number(FieldDescriptor field, Object value) {
        return switch (value) {
            case Integer i -> field.getType() == FieldDescriptor.Type.UINT32
                    ? BigDecimal.valueOf(Integer.toUnsignedLong(i)) : BigDecimal.valueOf(i);
            case Long l -> field.getType() == FieldDescriptor.Type.UINT64
                    ? new BigDecimal(new BigInteger(Long.toUnsignedString(l))) : BigDecimal.valueOf(l);
            case Double d when Double.isInfinite(d) -> BigDecimal.valueOf(d > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE)
                    .multiply(BigDecimal.TEN);
            case Double d -> new BigDecimal(d);
            case Float f -> new BigDecimal(f);
            default -> throw new IllegalStateException("not a number: " + value);
        };
    }

    /** Walks the expression tree, counting nodes and checking every rule. */
    private static final class Compiler {
        private final AnnotatedType type;
        private final Descriptor descriptor;
        private int nodes;

        Compiler(AnnotatedType type, Descriptor descriptor) {
            this.type = type;
            this.descriptor = descriptor;
        }

        Node node(FilterExpression expression, int depth) {
            if (depth > MAX_DEPTH) {
                throw RpcException.invalidArgument("filter expressions nest deeper than " + MAX_DEPTH + " levels");
            }
            if (++nodes > MAX_NODES) {
                throw RpcException.invalidArgument("too many filter expressions in all: more than " + MAX_NODES);
            }
            return switch (expression.getExpressionCase()) {
                case LOGICAL -> logical(expression.getLogical(), depth);
                case COMPARISON -> comparison(expression.getComparison());
                case IS_NULL -> new Unset(queryableField(expression.getIsNull().getFieldName()));
                case EXPRESSION_NOT_SET -> throw RpcException.invalidArgument(
                        "a filter expression must be a logical expression, a comparison or a null check");
            };
        }

        private Node logical(LogicalExpression logical, int depth) {
            int count = logical.getOperandsCount();
            if (count > MAX_LIST) {
                throw RpcException.invalidArgument("a logical expression has " + count + " operands, at most "
                        + MAX_LIST);
            }
            List<Node> operands = new ArrayList<>(count);
            switch (logical.getOperator()) {
                case LOGICAL_OPERATOR_NOT -> {
                    if (count != 1) {
                        throw RpcException.invalidArgument("NOT takes exactly one operand, got " + count);
                    }
                }
                case LOGICAL_OPERATOR_AND, LOGICAL_OPERATOR_OR -> {
                    if (count < 2) {
                        throw RpcException.invalidArgument(logical.getOperator().name().substring(17)
                                + " takes at least two operands, got " + count);
                    }
                }
                default -> throw RpcException.invalidArgument("a logical expression needs an operator (AND, OR or "
                        + "NOT), got " + logical.getOperatorValue());
            }
            for (FilterExpression operand : logical.getOperandsList()) {
                operands.add(node(operand, depth + 1));
            }
            return switch (logical.getOperator()) {
                case LOGICAL_OPERATOR_NOT -> new Negation(operands.getFirst());
                case LOGICAL_OPERATOR_AND -> new All(List.copyOf(operands));
                default -> new Any(List.copyOf(operands));
            };
        }

        private Node comparison(FieldComparison comparison) {
            FieldDescriptor field = queryableField(comparison.getFieldName());
            FieldComparisonOperator operator = comparison.getOperator();
            if (operator == FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_UNSPECIFIED
                    || operator == FieldComparisonOperator.UNRECOGNIZED) {
                throw RpcException.invalidArgument("the comparison of field '" + field.getName()
                        + "' needs an operator");
            }
            FieldQueryValue value = comparison.getValue();
            boolean equality = operator == FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_EQUAL
                    || operator == FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_NOT_EQUAL;
            Object literal = switch (field.getJavaType()) {
                case INT, LONG, FLOAT, DOUBLE -> switch (value.getValueCase()) {
                    case INT64_VALUE -> BigDecimal.valueOf(value.getInt64Value());
                    case UINT64_VALUE -> new BigDecimal(new BigInteger(Long.toUnsignedString(value.getUint64Value())));
                    case DOUBLE_VALUE -> {
                        if (!Double.isFinite(value.getDoubleValue())) {
                            throw mismatch(field, "a finite number", value);
                        }
                        yield new BigDecimal(value.getDoubleValue());
                    }
                    default -> throw mismatch(field, "a finite number", value);
                };
                case STRING -> {
                    if (value.getValueCase() != FieldQueryValue.ValueCase.STRING_VALUE) {
                        throw mismatch(field, "a string", value);
                    }
                    yield value.getStringValue();
                }
                case BOOLEAN -> {
                    if (value.getValueCase() != FieldQueryValue.ValueCase.BOOL_VALUE) {
                        throw mismatch(field, "a boolean", value);
                    }
                    if (!equality) {
                        throw RpcException.invalidArgument("field '" + field.getName() + "' has type bool: it can "
                                + "only be compared with = or <>");
                    }
                    yield value.getBoolValue();
                }
                default -> throw RpcException.invalidArgument("field '" + field.getName() + "' cannot be compared");
            };
            return new Compare(field, operator, literal);
        }

        private FieldDescriptor queryableField(String name) {
            if (name.isEmpty() || name.length() > 100 || !FIELD_NAME.matcher(name).matches()) {
                throw RpcException.invalidArgument("invalid field name " + InputText.quoted(name) + " in a filter: "
                        + "must be snake_case (^[a-z][a-z0-9_]*$) with at most 100 characters");
            }
            FieldDescriptor field = descriptor.findFieldByName(name);
            if (field == null) {
                throw RpcException.invalidArgument("filter on unknown field '" + name + "': "
                        + descriptor.getName() + " has no such field");
            }
            int index = field.getIndex();
            boolean queryable = index < type.getFieldAnnotationsCount()
                    && type.getFieldAnnotations(index).getQueryable();
            if (!queryable) {
                throw RpcException.invalidArgument("field '" + name + "' is not queryable; filters may only use "
                        + "fields the dataset marks queryable");
            }
            return field;
        }

        private static RpcException mismatch(FieldDescriptor field, String expected, FieldQueryValue value) {
            String got = value.getValueCase() == FieldQueryValue.ValueCase.VALUE_NOT_SET ? "no value"
                    : value.getValueCase().name().toLowerCase(java.util.Locale.ROOT);
            return RpcException.invalidArgument("field '" + field.getName() + "' has type "
                    + field.getType().name().toLowerCase(java.util.Locale.ROOT) + ": compare it with "
                    + expected + ", not " + got);
        }
    }
}

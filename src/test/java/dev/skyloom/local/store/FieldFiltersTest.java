package dev.skyloom.local.store;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.skyloom.local.error.ConnectCode;
import dev.skyloom.local.error.RpcException;
import dev.skyloom.local.schema.DatapointTypes;
import dev.skyloom.local.schema.DatasetFields;
import dev.skyloom.local.schema.DatasetTypeCompiler;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.FieldComparison;
import dev.skyloom.wire.datasets.v1.FieldComparisonOperator;
import dev.skyloom.wire.datasets.v1.FieldNullCheck;
import dev.skyloom.wire.datasets.v1.FieldQueryValue;
import dev.skyloom.wire.datasets.v1.FilterExpression;
import dev.skyloom.wire.datasets.v1.LogicalExpression;
import dev.skyloom.wire.datasets.v1.LogicalOperator;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldFiltersTest {

    private static final AnnotatedType TYPE = DatasetTypeCompiler.compile(UUID.randomUUID(), "measurements",
            DatasetType.newBuilder().setKind(DatasetKind.DATASET_KIND_TEMPORAL)
                    .addFields(DatasetFields.queryable(DatasetFields.field("size", Type.TYPE_UINT64, false, "", "")))
                    .addFields(DatasetFields.queryable(DatasetFields.field("ratio", Type.TYPE_DOUBLE, false, "", "")))
                    .addFields(DatasetFields.queryable(DatasetFields.field("ok", Type.TYPE_BOOL, false, "", "")))
                    .build());
    private static final Descriptor DESCRIPTOR = DatapointTypes.resolve(TYPE);

    private static FilterExpression compare(String field, FieldComparisonOperator op, FieldQueryValue value) {
        return FilterExpression.newBuilder().setComparison(FieldComparison.newBuilder().setFieldName(field)
                .setOperator(op).setValue(value)).build();
    }

    private static FilterExpression ratioBelow(double limit) {
        return compare("ratio", FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_LESS_THAN,
                FieldQueryValue.newBuilder().setDoubleValue(limit).build());
    }

    private static FilterExpression logical(LogicalOperator op, List<FilterExpression> operands) {
        return FilterExpression.newBuilder().setLogical(LogicalExpression.newBuilder().setOperator(op)
                .addAllOperands(operands)).build();
    }

    private static void refused(List<FilterExpression> expressions, String message) {
        assertThatThrownBy(() -> FieldFilters.compile(TYPE, DESCRIPTOR, expressions))
                .isInstanceOf(RpcException.class).hasMessage(message)
                .satisfies(e -> assertThat(((RpcException) e).code()).isEqualTo(ConnectCode.INVALID_ARGUMENT));
    }

    @Test
    void everyLimitIsEnforced() {
        refused(Collections.nCopies(65, ratioBelow(1)), "too many filter expressions: 65, at most 64");
        assertThat(FieldFilters.compile(TYPE, DESCRIPTOR, Collections.nCopies(64, ratioBelow(1))).isEmpty()).isFalse();
        refused(List.of(logical(LogicalOperator.LOGICAL_OPERATOR_OR, Collections.nCopies(65, ratioBelow(1)))),
                "a logical expression has 65 operands, at most 64");
        FilterExpression deep = ratioBelow(1);
        for (int i = 0; i < 8; i++) {
            deep = logical(LogicalOperator.LOGICAL_OPERATOR_NOT, List.of(deep));
        }
        refused(List.of(deep), "filter expressions nest deeper than 8 levels");
        FilterExpression wide = logical(LogicalOperator.LOGICAL_OPERATOR_AND, Collections.nCopies(63, ratioBelow(1)));
        assertThat(FieldFilters.compile(TYPE, DESCRIPTOR, Collections.nCopies(4, wide))).isNotNull();
        refused(List.of(wide, wide, wide, wide, ratioBelow(1)),
                "too many filter expressions in all: more than 256");
    }

    @Test
    void malformedExpressionsAreRefused() {
        refused(List.of(logical(LogicalOperator.LOGICAL_OPERATOR_NOT, List.of(ratioBelow(1), ratioBelow(2)))),
                "NOT takes exactly one operand, got 2");
        refused(List.of(logical(LogicalOperator.LOGICAL_OPERATOR_AND, List.of(ratioBelow(1)))),
                "AND takes at least two operands, got 1");
        refused(List.of(logical(LogicalOperator.LOGICAL_OPERATOR_UNSPECIFIED, List.of(ratioBelow(1)))),
                "a logical expression needs an operator (AND, OR or NOT), got 0");
        refused(List.of(FilterExpression.getDefaultInstance()),
                "a filter expression must be a logical expression, a comparison or a null check");
        refused(List.of(compare("ratio", FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_UNSPECIFIED,
                FieldQueryValue.newBuilder().setDoubleValue(1).build())), "the comparison of field 'ratio' needs an "
                + "operator");
        refused(List.of(ratioBelow(Double.NaN)), "field 'ratio' has type double: compare it with a finite number, "
                + "not double_value");
        refused(List.of(compare("ok", FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_LESS_THAN,
                FieldQueryValue.newBuilder().setBoolValue(true).build())),
                "field 'ok' has type bool: it can only be compared with = or <>");
        refused(List.of(compare("ratio", FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_EQUAL,
                FieldQueryValue.getDefaultInstance())),
                "field 'ratio' has type double: compare it with a finite number, not no value");
        refused(List.of(FilterExpression.newBuilder().setIsNull(FieldNullCheck.newBuilder().setFieldName("Ratio"))
                .build()), "invalid field name 'Ratio' in a filter: must be snake_case (^[a-z][a-z0-9_]*$) with at "
                + "most 100 characters");
        refused(List.of(FilterExpression.newBuilder().setIsNull(FieldNullCheck.newBuilder().setFieldName("time"))
                .build()), "field 'time' is not queryable; filters may only use fields the dataset marks queryable");
    }

    @Test
    void unsignedFieldsCompareAsUnsignedNumbersAndNaNMatchesOnlyNotEqual() {
        DynamicMessage huge = DynamicMessage.newBuilder(DESCRIPTOR)
                .setField(DESCRIPTOR.findFieldByName("size"), -1L)
                .setField(DESCRIPTOR.findFieldByName("ratio"), Double.NaN).build();
        FieldFilters bigger = FieldFilters.compile(TYPE, DESCRIPTOR, List.of(compare("size",
                FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_GREATER_THAN,
                FieldQueryValue.newBuilder().setInt64Value(Long.MAX_VALUE).build())));
        assertThat(bigger.matches(huge)).isTrue();
        assertThat(FieldFilters.compile(TYPE, DESCRIPTOR, List.of(ratioBelow(1))).matches(huge)).isFalse();
        assertThat(FieldFilters.compile(TYPE, DESCRIPTOR, List.of(compare("ratio",
                FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_NOT_EQUAL,
                FieldQueryValue.newBuilder().setDoubleValue(1).build()))).matches(huge)).isTrue();
    }
}

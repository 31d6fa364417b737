package dev.skyloom;

import dev.skyloom.wire.datasets.v1.FieldComparisonOperator;
import dev.skyloom.wire.datasets.v1.FilterExpression;
import dev.skyloom.wire.datasets.v1.LogicalOperator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterTest {

    @Test
    void parserAndBuilderProduceTheSameExpressions() {
        assertSame("cloud_cover < 10 AND platform = 'S2B'",
                Filter.field("cloud_cover").lessThan(10).and(Filter.field("platform").eq("S2B")));
        assertSame("cloud_cover <= 10.5 or NOT (orbit >= -3)",
                Filter.field("cloud_cover").atMost(10.5).or(Filter.not(Filter.field("orbit").atLeast(-3))));
        assertSame("processing_level = PROCESSING_LEVEL_L1C",
                Filter.field("processing_level").eq(Filter.enumValue("PROCESSING_LEVEL_L1C")));
        assertSame("online <> TRUE and name = 'it''s' AND sensed > TIMESTAMP('2025-01-01T00:00:00Z')",
                Filter.field("online").ne(true).and(Filter.field("name").eq("it's"))
                        .and(Filter.field("sensed").greaterThan(Instant.parse("2025-01-01T00:00:00Z"))));
        assertSame("a IS NULL Or b is not null", Filter.field("a").isNull().or(Filter.field("b").isNotNull()));
        assertSame("x = 1.5e3", Filter.field("x").eq(1500.0));
    }

    private static void assertSame(String cql2, Filter built) {
        Filter parsed = Filter.parse(cql2);
        assertThat(parsed).isEqualTo(built);
        assertThat(FilterWire.toWire(parsed)).isEqualTo(FilterWire.toWire(built));
    }

    @Test
    void nestedAndsAndOrsAreFlattenedButMixedOnesAreNot() {
        Filter a = Filter.field("a").eq(1);
        Filter b = Filter.field("b").eq(2);
        Filter c = Filter.field("c").eq(3);
        assertThat(a.and(b).and(c)).isEqualTo(new Filter.And(List.of(a, b, c)));
        assertThat(a.or(b.or(c))).isEqualTo(new Filter.Or(List.of(a, b, c)));
        assertThat(Filter.parse("a = 1 AND (b = 2 AND c = 3)")).isEqualTo(new Filter.And(List.of(a, b, c)));
        assertThat(Filter.parse("a = 1 OR b = 2 AND c = 3"))
                .isEqualTo(new Filter.Or(List.of(a, new Filter.And(List.of(b, c)))));
    }

    @Test
    void literalsMapToTheirWireKinds() {
        FilterExpression wire = FilterWire.toWire(Filter.field("size").lessThan(Filter.unsigned(-1L))
                .and(Filter.field("blob").eq(new byte[] {1, 2}))
                .and(Filter.field("dt").eq(java.time.Duration.ofSeconds(90))));
        var operands = wire.getLogical().getOperandsList();
        assertThat(wire.getLogical().getOperator()).isEqualTo(LogicalOperator.LOGICAL_OPERATOR_AND);
        assertThat(operands.get(0).getComparison().getOperator())
                .isEqualTo(FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_LESS_THAN);
        assertThat(operands.get(0).getComparison().getValue().getUint64Value()).isEqualTo(-1L);
        assertThat(operands.get(1).getComparison().getValue().getBytesValue().toByteArray()).containsExactly(1, 2);
        assertThat(operands.get(2).getComparison().getValue().getDurationValue().getSeconds()).isEqualTo(90);
        FilterExpression notNull = FilterWire.toWire(Filter.parse("a IS NOT NULL"));
        assertThat(notNull.getLogical().getOperator()).isEqualTo(LogicalOperator.LOGICAL_OPERATOR_NOT);
        assertThat(notNull.getLogical().getOperands(0).getIsNull().getFieldName()).isEqualTo("a");
    }

    @Test
    void invalidLiteralsAndNamesAreRejected() {
        assertThatThrownBy(() -> Filter.field("online").lessThan(new FilterValue.Bool(true)))
                .hasMessageContaining("booleans can only be compared with = or <>, not <");
        assertThatThrownBy(() -> Filter.field("x").eq(Double.NaN)).hasMessageContaining("must be finite");
        assertThatThrownBy(() -> Filter.field("x").eq(Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Filter.field("Cloud")).hasMessageContaining("'Cloud' is not a field name");
        assertThatThrownBy(() -> Filter.field("x".repeat(101))).hasMessageContaining("at most 100");
        assertThatThrownBy(() -> Filter.field("x").eq("y".repeat(1025))).hasMessageContaining("at most 1024");
        assertThatThrownBy(() -> Filter.enumValue("L1C-x")).hasMessageContaining("enum value name");
    }

    @Test
    void nestingPastTheLimitIsAnErrorNotAStackOverflow() {
        assertThatThrownBy(() -> Filter.parse("(".repeat(3000) + "a = 1" + ")".repeat(3000)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 65: the filter nests parentheses and NOT more than 64 deep; simplify it");
        assertThatThrownBy(() -> Filter.parse("NOT ".repeat(20_000) + "a = 1"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 257: the filter nests parentheses and NOT more than 64 deep; simplify it");
        assertThat(Filter.parse("(".repeat(32) + "NOT ".repeat(32) + "a = 1" + ")".repeat(32)))
                .as("64 levels are fine").isNotNull();
    }

    @Test
    void parseErrorsNameTheColumnAndWhatWasExpected() {
        assertThatThrownBy(() -> Filter.parse("cloud_cover ! 10"))
                .hasMessageStartingWith("column 13: expected a comparison operator (=, <>, <, <=, >, >=) or IS "
                        + "after 'cloud_cover', found '! 10'");
        assertThatThrownBy(() -> Filter.parse("a != 1")).hasMessageContaining("write <> for not equal");
        assertThatThrownBy(() -> Filter.parse("(a = 1")).hasMessageStartingWith("column 7: expected ')'");
        assertThatThrownBy(() -> Filter.parse("a = 'open")).hasMessage("column 5: the string starting here has no closing '");
        assertThatThrownBy(() -> Filter.parse("a = 1 b = 2"))
                .hasMessageStartingWith("column 7: expected AND, OR or the end of the filter, found 'b = 2'");
        assertThatThrownBy(() -> Filter.parse("a = ")).hasMessageStartingWith("column 5: expected a value");
        assertThatThrownBy(() -> Filter.parse("a = NULL")).hasMessage("column 5: NULL cannot be compared; write IS NULL or IS NOT NULL");
        assertThatThrownBy(() -> Filter.parse("a IS 3")).hasMessageStartingWith("column 6: expected NULL after IS");
        assertThatThrownBy(() -> Filter.parse("a = 99999999999999999999")).hasMessage("column 5: "
                + "99999999999999999999 does not fit a 64-bit integer (-9223372036854775808 to 18446744073709551615)");
        assertThatThrownBy(() -> Filter.parse("a = 1.2.3")).hasMessageStartingWith("column 5: expected a number");
        assertThatThrownBy(() -> Filter.parse("t > TIMESTAMP('yesterday')")).hasMessageStartingWith("column 15: 'yesterday' is not a UTC time");
        assertThatThrownBy(() -> Filter.parse("b < TRUE")).hasMessageStartingWith("column 5: field 'b': booleans");
        assertThatThrownBy(() -> Filter.parse("Cloud = 1")).hasMessageStartingWith("column 1: 'Cloud' is not a field name");
        assertThatThrownBy(() -> Filter.parse("  ")).hasMessageStartingWith("empty filter");
        assertThatThrownBy(() -> Filter.parse("AND a = 1")).hasMessageStartingWith("column 1: expected a field name, NOT or '(', found 'AND a = 1'");
    }

    @Test
    void everyLimitOfTheServiceIsCheckedWhenTheQueryIsBuilt() {
        Query base = Query.between("2025-01-01", "2025-01-02");
        Query q = base;
        for (int i = 0; i < 64; i++) {
            q = q.withFilter(Filter.field("f" + i).eq(i));
        }
        Query full = q;
        assertThat(full.filters()).hasSize(64);
        assertThatThrownBy(() -> full.withFilter(Filter.field("x").eq(1)))
                .hasMessage("a query may have at most 64 filters, got 65");

        List<Filter> operands = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            operands.add(Filter.field("f").eq(i));
        }
        assertThatThrownBy(() -> base.withFilter(new Filter.Or(operands)))
                .hasMessage("an AND or OR may have at most 64 operands, got 65");

        Filter deep = Filter.field("a").eq(1);
        for (int i = 0; i < 7; i++) {
            deep = Filter.not(deep);
        }
        Filter eightDeep = deep;
        assertThat(base.withFilter(eightDeep).filters()).containsExactly(eightDeep);
        assertThatThrownBy(() -> base.withFilter(Filter.not(eightDeep)))
                .hasMessage("filters may nest at most 8 levels deep (AND, OR and NOT each add a level)");

        Filter wide = new Filter.Or(operands.subList(0, 63)); // 64 nodes
        Query four = base.withFilter(wide).withFilter(wide).withFilter(wide).withFilter(wide);
        assertThat(four.filters()).hasSize(4);
        assertThatThrownBy(() -> four.withFilter(Filter.field("x").eq(1)))
                .hasMessage("the filters of a query may have at most 256 expressions (comparisons, null checks, "
                        + "AND, OR, NOT) in all, got 257");
    }
}

package dev.skyloom.cli;

import dev.skyloom.Dataset;
import dev.skyloom.Filter;
import dev.skyloom.Query;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

import java.util.ArrayList;
import java.util.List;

/** The repeatable {@code --filter} option of {@code query} and {@code load}: CQL2 conditions, all of which must hold. */
final class FilterOptions {

    @Option(names = "--filter", paramLabel = "CQL2", converter = FilterConverter.class,
            description = "Only datapoints for which this condition on queryable fields holds, e.g."
                    + " \"cloud_cover < 10 AND platform = 'S2B'\". Repeat to require several.")
    private List<Filter> filters = new ArrayList<>();

    /**
     * {@return the query with every filter added}
     * @throws ParameterException if the filters exceed the service's limits
     */
    Query apply(Query query, CommandLine commandLine) {
        Query filtered = query;
        for (Filter filter : filters) {
            try {
                filtered = filtered.withFilter(filter);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(commandLine, "invalid --filter: " + e.getMessage());
            }
        }
        return filtered;
    }

    /**
     * Checks that every field the filters name exists in {@code dataset}.
     *
     * @throws ParameterException naming the unknown field and the closest existing names
     */
    void checkFields(Dataset dataset, CommandLine commandLine) {
        List<String> known = dataset.fieldNames();
        for (Filter filter : filters) {
            for (String field : fieldsOf(filter)) {
                if (!known.contains(field)) {
                    throw new ParameterException(commandLine, "invalid --filter: " + dataset.slug()
                            + " has no field '" + field + "'" + Lookup.suggestion(CloseNames.to(field, known)));
                }
            }
        }
    }

    private static List<String> fieldsOf(Filter filter) {
        return switch (filter) {
            case Filter.Comparison c -> List.of(c.field());
            case Filter.IsNull n -> List.of(n.field());
            case Filter.Not not -> fieldsOf(not.operand());
            case Filter.And and -> and.operands().stream().flatMap(f -> fieldsOf(f).stream()).toList();
            case Filter.Or or -> or.operands().stream().flatMap(f -> fieldsOf(f).stream()).toList();
        };
    }

    /** Parses one {@code --filter} value. */
    static final class FilterConverter implements ITypeConverter<Filter> {
        @Override
        public Filter convert(String text) {
            try {
                return Filter.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}

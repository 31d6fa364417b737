package dev.skyloom.cli;

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

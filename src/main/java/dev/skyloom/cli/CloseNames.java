package dev.skyloom.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the names a mistyped name was probably meant to be: names it is a prefix, suffix or part of, and names within
 * a small edit distance (a quarter of the shorter name's length, at least 1), also against the last
 * component of a dotted slug, closest first.
 */
final class CloseNames {

    private static final int LIMIT = 5;

    private CloseNames() {
    }

    /** @return up to five candidates close to {@code wanted}, closest first; empty if none is close */
    static List<String> to(String wanted, Collection<String> candidates) {
        String w = wanted.toLowerCase(Locale.ROOT);
        record Scored(String name, int score) { }
        return candidates.stream()
                .map(name -> new Scored(name, score(w, name.toLowerCase(Locale.ROOT))))
                .filter(s -> s.score() >= 0)
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .limit(LIMIT)
                .map(Scored::name)
                .toList();
    }

    /** Lower is closer; -1 means not close. */
    private static int score(String wanted, String name) {
        if (wanted.isEmpty()) {
            return -1;
        }
        if (name.endsWith("." + wanted) || name.startsWith(wanted) || wanted.startsWith(name)) {
            return 0;
        }
        int distance = distance(wanted, name);
        if (distance <= tolerance(wanted, name)) {
            return distance;
        }
        String last = name.substring(name.lastIndexOf('.') + 1);
        int lastDistance = distance(wanted, last);
        if (!last.equals(name) && lastDistance <= tolerance(wanted, last)) {
            return 1 + lastDistance;
        }
        return name.contains(wanted) && wanted.length() >= 3 ? 1 + wanted.length() : -1;
    }

    private static int tolerance(String a, String b) {
        return Math.max(1, Math.min(a.length(), b.length()) / 4);
    }

    /** The Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

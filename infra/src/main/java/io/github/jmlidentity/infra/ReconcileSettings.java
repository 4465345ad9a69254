package io.github.jmlidentity.infra;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The reconcile function's context keys, validated like {@link StackSettings}' (every rejection names the key).
 *
 * @param rosterPrefix   where roster drops land in the roster bucket; an object created under it triggers a reconcile
 * @param schedule       an EventBridge schedule expression (rate(...) or cron(...)) to reconcile {@code scheduledKey}
 *                       on, or empty for drops only
 * @param scheduledKey   the object the schedule reconciles (the roster HR overwrites; the bucket keeps versions)
 * @param adopt          off (default), userName+email or userName: adoption in AWS only when enabled here
 * @param maxLeavers     the most leavers one roster applies; empty: the rules' mass-deletion cap
 */
public record ReconcileSettings(String rosterPrefix, Optional<String> schedule, String scheduledKey, String adopt,
                                Optional<Integer> maxLeavers) {

    public static final String ROSTER_PREFIX = "rosterPrefix";
    public static final String RECONCILE_SCHEDULE = "reconcileSchedule";
    public static final String RECONCILE_ROSTER_KEY = "reconcileRosterKey";
    public static final String RECONCILE_ADOPT = "reconcileAdopt";
    public static final String RECONCILE_MAX_LEAVERS = "reconcileMaxLeavers";

    public static final String DEFAULT_ROSTER_PREFIX = "rosters/";
    public static final String DEFAULT_ROSTER_KEY = "rosters/current.csv";

    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9!_.*'()-]+/)+");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9!_.*'()/-]{1,1024}");
    private static final Pattern SCHEDULE = Pattern.compile("(rate\\(\\d+ (minute|minutes|hour|hours|day|days)\\)|cron\\([^()]+\\))");

    public static ReconcileSettings fromContext(Function<String, Object> context) {
        ContextReader read = new ContextReader(context);
        String prefix = read.checked(ROSTER_PREFIX, DEFAULT_ROSTER_PREFIX, PREFIX.asMatchPredicate(),
                " is not a key prefix ending in '/', e.g. rosters/");
        Optional<String> schedule = read.checked(RECONCILE_SCHEDULE, SCHEDULE.asMatchPredicate(),
                " is not an EventBridge schedule expression such as rate(1 day) or cron(0 6 * * ? *)");
        String key = read.checked(RECONCILE_ROSTER_KEY, DEFAULT_ROSTER_KEY, KEY.asMatchPredicate().and(k -> k.startsWith(prefix)),
                " must be an object key under the roster prefix " + prefix + " (the function may read only there), e.g. "
                        + DEFAULT_ROSTER_KEY);
        String adopt = read.checked(RECONCILE_ADOPT, "off", Set.of("off", "userName+email", "userName")::contains,
                " is not a valid choice: expected off, userName+email or userName");
        Optional<Integer> maxLeavers = read.optionalInteger(RECONCILE_MAX_LEAVERS, 0, 100_000);
        return new ReconcileSettings(prefix, schedule, key, adopt, maxLeavers);
    }
}

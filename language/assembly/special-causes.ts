/**
 * The special-cause rules of an SPC chart's period, as NHSRplotthedots applies them (see
 * `assembleChart` in ../src/statistics/special-causes.ts, which calls this): compiled to
 * WebAssembly, which runs at full speed from the first point, where JavaScript would be
 * interpreted until the engine had optimised it. Every point of every chart is read on each check.
 */

/** The rules, in the order that gives a point flagged by several its side (`PRIORITY`). */
const OUTSIDE_LIMITS: i32 = 0;
const TREND: i32 = 1;
const TWO_OF_THREE: i32 = 2;
const SHIFT: i32 = 3;

/**
 * Flags the special causes among the points [start, end) of one period that the rules read: those
 * with a centre line (a point with no value has none), taken in order as if the others were not
 * there. The columns hold `length` points each: `values`, `centre`, `lower`, `upper` and `sigma`
 * (f64, NaN for none); `sides` holds four columns of i8, one per rule in priority order (+1 high,
 * -1 low, 0 not flagged), and `flagged` one of u8 (1 when any rule flags the point).
 *
 * One pass does every rule, keeping each rule's current stretch: a shift (points on one side of the
 * centre line, as `ptd_seven_point_one_side_mean`; a point on the line is in none), a trend (points
 * each strictly beyond the one before, as `ptd_seven_point_trend`; a tie breaks it), and the last
 * three points for two of three. A stretch is flagged when it ends; a point that ends one trend and
 * starts the next takes the later one's side, as in the package.
 */
export function flagPeriod(
    start: i32,
    end: i32,
    length: i32,
    values: usize,
    centre: usize,
    lower: usize,
    upper: usize,
    sigma: usize,
    shiftLength: i32,
    trendLength: i32,
    twoOfThree: bool,
    sides: usize,
    flagged: usize,
): void {
    let shiftFrom = -1;
    let shiftSide = 0;
    let shiftCount = 0;
    let riseFrom = -1;
    let riseCount = 0;
    let fallFrom = -1;
    let fallCount = 0;
    // The last two points read, for trends and two of three.
    let last = -1;
    let lastValue: f64 = NaN;
    let lastSide = 0;
    let lastClose = 0;
    let before = -1;
    let beforeSide = 0;
    let beforeClose = 0;
    for (let i = start; i < end; i++) {
        const mean = at(centre, i);
        if (isNaN(mean)) {
            continue;
        }
        const value = at(values, i);
        const side = value > mean ? 1 : value < mean ? -1 : 0;
        // Beyond two sigma but within the limits: a point outside them (a comparison with a missing
        // limit is false) is flagged by that rule and does not count towards two of three.
        let close = 0;
        if (value > at(upper, i) || value < at(lower, i)) {
            mark(i, i, OUTSIDE_LIMITS, value > at(upper, i) ? 1 : -1, length, centre, sides, flagged);
        } else if (Math.abs(value - mean) > 2 * at(sigma, i)) {
            close = 1;
        }
        if (side != shiftSide) {
            if (shiftSide != 0 && shiftCount >= shiftLength) {
                mark(shiftFrom, last, SHIFT, shiftSide, length, centre, sides, flagged);
            }
            shiftFrom = i;
            shiftSide = side;
            shiftCount = 0;
        }
        shiftCount++;
        if (!(value > lastValue)) {
            if (riseCount >= trendLength) {
                mark(riseFrom, last, TREND, 1, length, centre, sides, flagged);
            }
            riseFrom = i;
            riseCount = 0;
        }
        riseCount++;
        if (!(value < lastValue)) {
            if (fallCount >= trendLength) {
                mark(fallFrom, last, TREND, -1, length, centre, sides, flagged);
            }
            fallFrom = i;
            fallCount = 0;
        }
        fallCount++;
        if (
            twoOfThree &&
            before != -1 &&
            side != 0 &&
            beforeSide == side &&
            lastSide == side &&
            beforeClose + lastClose + close >= 2
        ) {
            if (beforeClose) {
                mark(before, before, TWO_OF_THREE, side, length, centre, sides, flagged);
            }
            if (lastClose) {
                mark(last, last, TWO_OF_THREE, side, length, centre, sides, flagged);
            }
            if (close) {
                mark(i, i, TWO_OF_THREE, side, length, centre, sides, flagged);
            }
        }
        before = last;
        beforeSide = lastSide;
        beforeClose = lastClose;
        last = i;
        lastValue = value;
        lastSide = side;
        lastClose = close;
    }
    if (shiftSide != 0 && shiftCount >= shiftLength) {
        mark(shiftFrom, last, SHIFT, shiftSide, length, centre, sides, flagged);
    }
    if (riseCount >= trendLength) {
        mark(riseFrom, last, TREND, 1, length, centre, sides, flagged);
    }
    if (fallCount >= trendLength) {
        mark(fallFrom, last, TREND, -1, length, centre, sides, flagged);
    }
}

function at(column: usize, index: i32): f64 {
    return load<f64>(column + ((<usize>index) << 3));
}

/** Flags the points from `from` to `to` that the rules read (those with a centre line) by rule `cause`, on the side of `sign`. */
function mark(
    from: i32,
    to: i32,
    cause: i32,
    sign: i32,
    length: i32,
    centre: usize,
    sides: usize,
    flagged: usize,
): void {
    const side: i8 = sign > 0 ? 1 : -1;
    const column = sides + <usize>(cause * length);
    for (let i = from; i <= to; i++) {
        if (!isNaN(at(centre, i))) {
            store<i8>(column + <usize>i, side);
            store<u8>(flagged + <usize>i, 1);
        }
    }
}

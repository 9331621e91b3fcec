"""CloudWatch alarm evaluation, aggregation and retention."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awslab.management import cloudwatch as cw

FAST = settings(max_examples=150, deadline=None)
TREATMENTS = ("missing", "ignore", "breaching", "notBreaching")


def series(text):
    """Doc notation -> values for threshold 3 (GreaterThanThreshold): 0 within, X breaching, - missing."""
    return [None if c == "-" else (5.0 if c == "X" else 1.0) for c in text.split()]


# The two tables of "How alarm state is evaluated when data is missing",
# https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html (read 2026-11-27).
# Columns: MISSING, IGNORE, BREACHING, NOT BREACHING; "retain" = keep the current state.
THREE_OF_THREE = [
    ("0 - X - X", ["OK", "OK", "OK", "OK"]),
    ("0 - - - -", ["OK", "OK", "OK", "OK"]),
    ("- - - - -", ["INSUFFICIENT_DATA", "retain", "ALARM", "OK"]),
    ("0 X X - X", ["ALARM", "ALARM", "ALARM", "ALARM"]),
    ("- - - - X", ["INSUFFICIENT_DATA", "retain", "ALARM", "OK"]),
    ("X - - - -", ["ALARM", "retain", "ALARM", "OK"]),
]
TWO_OF_THREE = [
    ("0 - X - X", ["ALARM", "ALARM", "ALARM", "ALARM"]),
    ("0 0 X 0 X", ["ALARM", "ALARM", "ALARM", "ALARM"]),
    ("0 - X - -", ["OK", "OK", "ALARM", "OK"]),
    ("- - - - 0", ["OK", "OK", "ALARM", "OK"]),
    ("- - - - X", ["INSUFFICIENT_DATA", "retain", "ALARM", "OK"]),
]


@pytest.mark.parametrize("m, table", [(3, THREE_OF_THREE), (2, TWO_OF_THREE)])
def test_documented_missing_data_tables(m, table):
    for datapoints, expected in table:
        for treat, want in zip(TREATMENTS, expected, strict=True):
            for history in ("0 0 0 0 0", "X X X X X"):  # a prior state of OK, then of ALARM
                values = series(history) + series(datapoints)
                states = cw.evaluate_alarm(
                    values,
                    3,
                    "GreaterThanThreshold",
                    evaluation_periods=3,
                    datapoints_to_alarm=m,
                    treat_missing_data=treat,
                )
                target = states[-2] if want == "retain" else want
                assert states[-1] == target, (m, datapoints, treat, history, states)


def test_retain_really_differs_by_history():
    ok_first = cw.evaluate_alarm(
        series("0 0 0 - - - - -"),
        3,
        "GreaterThanThreshold",
        evaluation_periods=3,
        datapoints_to_alarm=3,
        treat_missing_data="ignore",
    )
    alarm_first = cw.evaluate_alarm(
        series("X X X - - - - -"),
        3,
        "GreaterThanThreshold",
        evaluation_periods=3,
        datapoints_to_alarm=3,
        treat_missing_data="ignore",
    )
    assert ok_first[-1] == "OK" and alarm_first[-1] == "ALARM"


def test_doc_figure_three_of_three():
    # The page's figure: threshold 3, 3 of 3; ALARM in periods 3-5, OK at 6, a lone breach at 9 stays OK.
    values = [1, 2, 4, 5, 4.5, 2, 1, 2, 4, 1]
    states = cw.evaluate_alarm(values, 3, "GreaterThanThreshold", evaluation_periods=3)
    assert states[4] == "ALARM" and states[5] == "OK" and states[8] == "OK"


def test_new_alarm_starts_insufficient():
    assert cw.evaluate_alarm([5, 5, 5], 3, "GreaterThanThreshold", evaluation_periods=3) == [
        "INSUFFICIENT_DATA",
        "INSUFFICIENT_DATA",
        "ALARM",
    ]


@pytest.mark.parametrize(
    "op, value, expected",
    [
        ("GreaterThanThreshold", 3, False),
        ("GreaterThanOrEqualToThreshold", 3, True),
        ("LessThanThreshold", 3, False),
        ("LessThanOrEqualToThreshold", 3, True),
        ("LessThanThreshold", 2.9, True),
        ("GreaterThanThreshold", 3.1, True),
    ],
)
def test_operators(op, value, expected):
    assert cw.is_breaching(value, 3, op) is expected


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"comparison_operator": "Above"}, "comparison_operator"),
        ({"evaluation_periods": 0}, "evaluation_periods"),
        ({"datapoints_to_alarm": 4}, "datapoints_to_alarm"),
        ({"treat_missing_data": "zero"}, "treat_missing_data"),
        ({"values": [1, "x"]}, r"values\[1\]"),
        ({"values": "123"}, "values"),
        ({"threshold": float("nan")}, "threshold"),
        ({"evaluation_range_periods": 2}, "evaluation_range_periods"),
    ],
)
def test_bad_inputs_name_the_parameter(kwargs, name):
    args = {
        "values": [1.0, 2.0],
        "threshold": 1.0,
        "comparison_operator": "GreaterThanThreshold",
        "evaluation_periods": 3,
    }
    args.update(kwargs)
    with pytest.raises(ValueError, match=name):
        cw.evaluate_alarm(**args)


values_st = st.lists(st.one_of(st.none(), st.floats(-10, 10, allow_nan=False)), min_size=1, max_size=40)


@FAST
@given(values_st, st.integers(1, 5), st.data())
def test_full_data_is_a_sliding_m_of_n(values, n, data):
    m = data.draw(st.integers(1, n))
    full = [0.0 if v is None else v for v in values]
    states = cw.evaluate_alarm(full, 0.0, "GreaterThanThreshold", evaluation_periods=n, datapoints_to_alarm=m)
    for i, s in enumerate(states):
        if i + 1 < n:
            continue  # earlier periods have fewer than N datapoints
        window = full[i + 1 - n : i + 1]
        assert s == ("ALARM" if sum(v > 0 for v in window) >= m else "OK")


@FAST
@given(values_st, st.integers(1, 5), st.data(), st.sampled_from(TREATMENTS))
def test_more_breaching_never_lowers_the_alarm(values, n, data, treat):
    m = data.draw(st.integers(1, n))
    states = cw.evaluate_alarm(
        values, 0.0, "GreaterThanThreshold", evaluation_periods=n, datapoints_to_alarm=m, treat_missing_data=treat
    )
    assert len(states) == len(values) and set(states) <= set(cw.ALARM_STATES)
    worse = [None if v is None else abs(v) + 1 for v in values]  # every real datapoint now breaching
    worse_states = cw.evaluate_alarm(
        worse, 0.0, "GreaterThanThreshold", evaluation_periods=n, datapoints_to_alarm=m, treat_missing_data=treat
    )
    for before, after in zip(states, worse_states, strict=True):
        if before == "ALARM":
            assert after == "ALARM"
        if after == "OK":
            assert before == "OK"


@FAST
@given(values_st, st.integers(1, 4))
def test_breaching_and_not_breaching_never_insufficient(values, n):
    for treat in ("breaching", "notBreaching"):
        assert "INSUFFICIENT_DATA" not in cw.evaluate_alarm(
            values,
            0.0,
            "GreaterThanThreshold",
            evaluation_periods=n,
            datapoints_to_alarm=None,
            treat_missing_data=treat,
        )


def test_state_transitions_drive_actions():
    states = ["INSUFFICIENT_DATA", "OK", "OK", "ALARM", "ALARM", "OK"]
    assert cw.state_transitions(states) == [(1, "INSUFFICIENT_DATA", "OK"), (3, "OK", "ALARM"), (5, "ALARM", "OK")]
    with pytest.raises(ValueError, match=r"states\[0\]"):
        cw.state_transitions(["RED"])


def test_aggregate_statistics():
    ts = [0, 10, 70, 200]
    vs = [1.0, 3.0, 5.0, 7.0]
    rolled = cw.aggregate(ts, vs, 60, statistic="Average")
    starts, avg = rolled.period_starts_seconds, rolled.values
    assert starts == [0.0, 60.0, 120.0, 180.0] and avg == [2.0, 5.0, None, 7.0]
    assert cw.aggregate(ts, vs, 60, statistic="Sum").values == [4.0, 5.0, None, 7.0]
    assert cw.aggregate(ts, vs, 60, statistic="SampleCount").values == [2.0, 1.0, None, 1.0]
    assert cw.aggregate(ts, vs, 60, statistic="Maximum").values == [3.0, 5.0, None, 7.0]
    assert cw.aggregate(ts, vs, 300, statistic="Minimum").values == [1.0]
    assert cw.aggregate([], [], 60) == cw.Aggregated([], [])


@pytest.mark.parametrize("period", [0, 7, 90])
def test_aggregate_bad_period(period):
    with pytest.raises(ValueError, match="period_seconds"):
        cw.aggregate([0], [1], period)


def test_retention_and_log_retention():
    assert cw.retained_resolution_seconds(60) == 1
    assert cw.retained_resolution_seconds(10 * 86400) == 60
    assert cw.retained_resolution_seconds(30 * 86400) == 300
    assert cw.retained_resolution_seconds(400 * 86400) == 3600
    assert cw.retained_resolution_seconds(500 * 86400) is None
    assert cw.log_retention_days(14) == 14 and cw.log_retention_days(None) is None
    with pytest.raises(ValueError, match="days=15"):
        cw.log_retention_days(15)


def test_sample_metric_series_is_seeded_and_drives_an_alarm():
    a = cw.sample_metric_series(60, missing_fraction=0.2, seed=4)
    assert a == cw.sample_metric_series(60, missing_fraction=0.2, seed=4)
    assert a != cw.sample_metric_series(60, missing_fraction=0.2, seed=5)
    assert len(a) == 60 and 0 < a.count(None) < 30
    assert all(0 <= v <= 100 for v in a if v is not None)
    clean = cw.sample_metric_series(60, noise=0, missing_fraction=0, spike_start=30, spike_periods=8)
    states = cw.evaluate_alarm(clean, 70, "GreaterThanThreshold", evaluation_periods=3)
    assert states[31] == "OK" and states[32] == "ALARM" and states[40] == "OK"
    with pytest.raises(ValueError, match="missing_fraction"):
        cw.sample_metric_series(missing_fraction=2)

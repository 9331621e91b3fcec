"""The Well-Architected review: deterministic findings, each rule's risk, and the framework's identifiers."""

from hypothesis import given
from hypothesis import strategies as st

from awslab.resilience import dr
from awslab.resilience import wellarchitected as wa

TARGETS = {"RtoInMinutes": 30, "RpoInMinutes": 15}


def findings_of(strategy="WARM_STANDBY", budget=250, **practices):
    review = wa.review(dr.Workload(), dr.Design(strategy=strategy), TARGETS, budget, wa.Practices(**practices))
    return {f.question: f for f in review}


def test_six_pillars():
    # Well-Architected Framework, "Cloud Workloads": the six pillars.
    assert len(wa.PILLARS) == 6 and "Sustainability" in wa.PILLARS


def test_question_order_is_fixed():
    assert list(findings_of()) == ["REL 9", "REL 10", "REL 11", "REL 12", "REL 13", "SEC", "COST", "SUS"]


def test_each_rule():
    base = findings_of()
    assert base["REL 9"].risk == "MEDIUM" and base["REL 12"].risk == "HIGH"
    assert findings_of(backups_automated=False)["REL 9"].risk == "HIGH"
    assert findings_of(restores_tested=True)["REL 9"].risk == "NONE"
    assert findings_of(multi_az=False)["REL 10"].risk == "HIGH"
    assert findings_of("ACTIVE_ACTIVE", budget=1000)["REL 11"].risk == "NONE"
    assert findings_of(dr_drill_days_ago=400)["REL 12"].risk == "MEDIUM"
    assert findings_of(dr_drill_days_ago=30)["REL 12"].risk == "NONE"
    assert findings_of("BACKUP_AND_RESTORE")["REL 13"].risk == "HIGH"
    assert findings_of(targets_documented=False)["REL 13"].risk == "HIGH"
    assert findings_of(vault_lock="compliance")["SEC"].risk == "NONE"
    assert findings_of(backups_encrypted=False)["SEC"].risk == "HIGH"
    assert base["COST"].finding == "pilot light meets the same targets for $70/month less"
    assert findings_of("ACTIVE_ACTIVE")["COST"].risk == "HIGH"
    assert findings_of("PILOT_LIGHT")["COST"].risk == "NONE"


@given(
    st.sampled_from(dr.STRATEGIES),
    st.booleans(),
    st.sampled_from(wa.VAULT_LOCKS),
    st.one_of(st.none(), st.integers(0, 5000)),
    st.floats(0, 2000),
)
def test_review_is_deterministic_and_counts_add_up(strategy, tested, lock, drill, budget):
    practices = wa.Practices(restores_tested=tested, vault_lock=lock, dr_drill_days_ago=drill)
    args = (dr.Workload(), dr.Design(strategy=strategy), TARGETS, budget, practices)
    first, second = wa.review(*args), wa.review(*args)
    assert first == second
    assert sum(wa.risk_counts(first).values()) == len(first) == len(wa.QUESTIONS)
    assert all(f.risk in wa.RISKS for f in first)

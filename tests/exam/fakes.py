"""A made-up bank for the exam-practice faces: questions in every SAA-C03 domain with realistic lengths, some with
two right answers, each linked to a real notebook section (the tests must not depend on how the course is tagged)."""

from awslab import quiz
from awslab.exam.bank import BankQuestion
from awslab.exam.guide import guide

SEE = ["10_resilience/01_dr_strategies#summary", "01_storage/06_ebs", None]


def fake_bank(per_domain: int = 22) -> tuple[BankQuestion, ...]:
    made = []
    for d in guide("saa").domains:
        for n in range(per_domain):
            task = d.tasks[n % len(d.tasks)].id
            two = n % 7 == 3
            answers = [
                quiz.Answer(
                    f"Option {k} for {d.id} question {n}: use a managed service in a way that fits the "
                    f"constraint {'well' if k < (2 if two else 1) else 'poorly'}",
                    k < (2 if two else 1),
                    f"Because option {k} {'meets' if k < (2 if two else 1) else 'misses'} the constraint.",
                )
                for k in range(4)
            ]
            qid = f"q{n}"
            right = None if two else 0
            q = quiz.Question(
                qid,
                f"A company runs a workload ({d.title.lower()}, case {n}) and must keep cost and effort low while "
                f"meeting its recovery goals. Which design fits best?",
                tuple(answers),
                two,
                quiz.display_order(f"fake-{d.id}", qid, 4, right),
                (task,),
                1 + n % 3,
                SEE[n % 3],
            )
            made.append(BankQuestion(f"fake/{d.id}/{qid}", "fake", d.id, "Fake", q, q.see))
    return tuple(made)

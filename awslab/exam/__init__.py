"""Exam practice: the SAA-C03 and SAP-C02 exam guides as data, every question of the course mapped to their tasks,
and seeded practice exams drawn in proportion to the domain weights.

>>> from awslab import exam
>>> exam.guide("saa").code, [d.weight for d in exam.guide("saa").domains]
('SAA-C03', [30, 26, 24, 20])
>>> [d.questions for d in exam.blueprint("saa")]
[19, 17, 16, 13]

References: see :mod:`awslab.exam.guide`.
"""

from awslab.exam.bank import BankQuestion, bank_data, coverage, draw, fingerprint, load_bank
from awslab.exam.guide import Blueprint, Domain, Exam, Task, blueprint, guide, guides, task_ids

__all__ = [
    "BankQuestion",
    "Blueprint",
    "Domain",
    "Exam",
    "Task",
    "bank_data",
    "blueprint",
    "coverage",
    "draw",
    "fingerprint",
    "guide",
    "guides",
    "load_bank",
    "task_ids",
]

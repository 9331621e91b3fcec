"""The compiled-policy cache (issue 24): one compilation per document however it arrives, never a stale one, bounded."""

import json

import pytest

from awslab.security import iam
from awslab.security.iam import evaluate


def document(resource: str = "arn:aws:s3:::cache-test/*", effect: str = "Allow") -> dict:
    return {
        "Version": "2012-10-17",
        "Statement": [{"Sid": "One", "Effect": effect, "Action": "s3:GetObject", "Resource": resource}],
    }


@pytest.fixture
def compiles(monkeypatch):
    """Count real compilations (the cache's misses)."""
    calls = []
    real = iam._compile

    def counting(doc, kind, where):
        calls.append(doc)
        return real(doc, kind, where)

    monkeypatch.setattr(iam, "_compile", counting)
    iam._BY_TEXT.clear()
    iam._COMPILED_BY_ID.clear()
    iam._BY_OUTLINE.clear()
    iam._canonical_text.cache_clear()
    return calls


def test_the_same_document_as_new_dicts_or_any_json_text_compiles_once(compiles):
    base = document()
    forms = [
        base,
        json.loads(json.dumps(base)),  # a new dict, same content
        json.dumps(base),  # JSON text, default separators
        json.dumps(base, indent=4),  # pretty-printed
        json.dumps(base, separators=(",", ":")),
        json.dumps(base, ensure_ascii=True).replace("s3:GetObject", "s3:\\u0047etObject"),  # an escape, same text
    ]
    compiled = {id(iam._compile_all([form], "identity", "policies")[0]) for form in forms}
    assert len(compiles) == 1 and len(compiled) == 1
    for form in forms:
        assert evaluate([form], "s3:GetObject", "arn:aws:s3:::cache-test/k").allowed
    assert len(compiles) == 1


def test_a_changed_document_never_reuses_a_stale_compilation(compiles):
    doc = document()
    assert evaluate([doc], "s3:GetObject", "arn:aws:s3:::cache-test/k").allowed
    doc["Statement"][0]["Effect"] = "Deny"  # changed in place
    assert evaluate([doc], "s3:GetObject", "arn:aws:s3:::cache-test/k").decision == "explicitDeny"
    doc["Statement"][0]["Resource"] = "arn:aws:s3:::elsewhere/*"
    assert evaluate([doc], "s3:GetObject", "arn:aws:s3:::cache-test/k").decision == "implicitDeny"
    text = json.dumps(document())
    assert evaluate([text], "s3:GetObject", "arn:aws:s3:::cache-test/k").allowed
    assert evaluate([text.replace("Allow", "Deny")], "s3:GetObject", "arn:aws:s3:::cache-test/k").decision == (
        "explicitDeny"
    )
    # The same id() for another dict (the first one freed) is no hit either.
    for effect in ("Allow", "Deny") * 20:
        expected = "allowed" if effect == "Allow" else "explicitDeny"
        assert evaluate([document(effect=effect)], "s3:GetObject", "arn:aws:s3:::cache-test/k").decision == expected
    assert len(compiles) == 3  # Allow and Deny on cache-test, Deny elsewhere: each compiled once


def test_values_that_compare_equal_but_differ_in_json_are_kept_apart(compiles):
    statement = document()["Statement"][0]
    with_int = document() | {"Statement": [{**statement, "Condition": {"NumericEquals": {"aws:x": 1}}}]}
    with_float = document() | {"Statement": [{**statement, "Condition": {"NumericEquals": {"aws:x": 1.0}}}]}
    assert with_int == with_float  # Python says equal (1 == 1.0) ...
    iam._compile_all([with_int], "identity", "policies")
    iam._compile_all([with_float], "identity", "policies")
    assert len(compiles) == 2  # ... the cache does not
    with_true = document() | {"Statement": [{**statement, "Condition": {"Bool": {"aws:x": True}}}]}
    with pytest.raises(ValueError, match="is not a boolean"):  # and 1 never stands for true
        evaluate([json.loads(json.dumps(with_true).replace("true", "1"))], "s3:GetObject", "*")
    assert evaluate([with_true], "s3:GetObject", "arn:aws:s3:::cache-test/k", context={"aws:x": "true"}).allowed


def test_key_order_is_part_of_the_key():
    # A Condition's operators are explained in their order: documents that differ only in key order compile apart.
    assert iam.canonical_json({"a": "1", "b": "2"}) != iam.canonical_json({"b": "2", "a": "1"})


def test_the_cache_is_bounded(compiles):
    for i in range(iam._CACHE_SIZE + 50):
        iam._compile_all([document(f"arn:aws:s3:::bucket-{i}/*")], "identity", "policies")
    assert len(iam._BY_TEXT) <= iam._CACHE_SIZE and len(iam._COMPILED_BY_ID) <= iam._CACHE_SIZE
    assert len(iam._BY_OUTLINE) <= iam._CACHE_SIZE and all(len(b) <= 8 for b in iam._BY_OUTLINE.values())
    assert len(compiles) == iam._CACHE_SIZE + 50


def test_errors_still_name_the_callers_argument(compiles):
    bad = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Maybe", "Action": "*", "Resource": "*"}]})
    for _ in range(2):
        with pytest.raises(ValueError, match=r"policies\[0\]\.Statement\[0\]\.Effect='Maybe'"):
            evaluate([bad], "s3:GetObject", "*")
    with pytest.raises(ValueError, match=r"policies\[0\] is not valid JSON"):
        evaluate(["{not json"], "s3:GetObject", "*")

"""kg.nlp.names: the comparison form of a name (the scorer's) and a body
name's short and full forms (rules/agencies.toml [abbreviations])."""

import importlib.util

import pytest

from conftest import FIXTURES
from kg.nlp.names import canonical_tail, fold, variants


def test_fold_is_nfkc_without_spaces_quotes_or_book_marks():
    assert fold("《关于建立 健全“公安机关”执法全流程记录机制的意见》") == "关于建立健全公安机关执法全流程记录机制的意见"
    assert fold("ＧＤＰ　１２３") == "GDP123"
    assert fold("") == fold(None) == ""


@pytest.mark.parametrize("name", ["《关于 建立“健全”的意见》", "ＧＤＰ　１２３", "「三位一体」模式", "‘接诉即办’"])
def test_fold_is_the_scorers_fold(name):
    spec = importlib.util.spec_from_file_location("score", FIXTURES / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    assert fold(name) == score.fold(name)


@pytest.mark.parametrize("tail, full", [
    ("市场监管局", "市场监督管理局"),
    ("政府", "人民政府"),
    ("人民政府", "人民政府"),                    # already full: not 人民人民政府
    ("纪委监委", "纪律检查委员会监察委员会"),      # two short forms in one name
    ("人大常委会", "人民代表大会常务委员会"),
    ("公安局", "公安局"),
])
def test_canonical_tail_expands_every_short_form(tail, full):
    assert canonical_tail(tail) == full


def test_variants_go_both_ways():
    assert variants("苍溪县市场监督管理局") == {"苍溪县市场监督管理局", "苍溪县市场监管局"}
    assert variants("市政府") == {"市政府", "市人民政府"}
    assert variants("市人民政府") == {"市人民政府", "市政府"}
    assert "沧源县纪委监委" in variants("沧源县纪律检查委员会监察委员会")
    assert variants("公安部") == {"公安部"}

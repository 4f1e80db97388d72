"""Where a page's publication date comes from: option, file name, page furniture."""

from conftest import CORPUS
from kg.text.document import load_document


def test_date_printed_in_the_furniture_when_nothing_else_gives_one():
    assert load_document(CORPUS / "06_cangxi-cold-chain-three-in-one.txt").date == "2021-01-27"
    assert load_document(CORPUS / "01_henan-beijing-strategic-agreement.txt").date == "2011-09-23"


def test_option_and_file_name_come_first(tmp_path):
    f = tmp_path / "2020-01-02_page.txt"
    f.write_bytes((CORPUS / "06_cangxi-cold-chain-three-in-one.txt").read_bytes())
    assert load_document(f).date == "2020-01-02"
    assert load_document(f, "2019-05-06").date == "2019-05-06"


def test_no_date_anywhere():
    doc = load_document(CORPUS / "09_scio-finance-regulators-briefing.txt")
    assert doc.date is None and doc.page.articles[0].date is None

"""Tests for canonym.translit.han: Han-character names, pinyin and Wade–Giles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canonym.translit.han import (
    PINYIN_SYLLABLES,
    han_name_to_pinyin,
    is_han,
    pinyin_syllables,
    pinyin_to_wade_giles,
    spellings,
    wade_giles_candidates,
    wade_giles_to_pinyin,
)
from strategies import any_text

# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------

#: (characters, pinyin, Wade–Giles) for real people. Wade–Giles as this module writes it:
#: standard initials and finals, no ê/ŭ diacritics, umlaut kept.
PEOPLE: list[tuple[str, str, str]] = [
    ("习近平", "Xi Jinping", "Hsi Chin-p'ing"),
    ("李鸿忠", "Li Hongzhong", "Li Hung-chung"),
    ("王毅", "Wang Yi", "Wang I"),
    ("毛泽东", "Mao Zedong", "Mao Tse-tung"),
    ("周恩来", "Zhou Enlai", "Chou En-lai"),
    ("邓小平", "Deng Xiaoping", "Teng Hsiao-p'ing"),
    ("胡锦涛", "Hu Jintao", "Hu Chin-t'ao"),
    ("温家宝", "Wen Jiabao", "Wen Chia-pao"),
    ("李克强", "Li Keqiang", "Li K'o-ch'iang"),
    ("赵乐际", "Zhao Leji", "Chao Le-chi"),
    ("秦刚", "Qin Gang", "Ch'in Kang"),
    ("蔡奇", "Cai Qi", "Ts'ai Ch'i"),
    ("丁薛祥", "Ding Xuexiang", "Ting Hsüeh-hsiang"),
    ("李强", "Li Qiang", "Li Ch'iang"),
    ("韩正", "Han Zheng", "Han Cheng"),
    ("王沪宁", "Wang Huning", "Wang Hu-ning"),
    ("李希", "Li Xi", "Li Hsi"),
    ("张又侠", "Zhang Youxia", "Chang Yu-hsia"),
    ("何立峰", "He Lifeng", "Ho Li-feng"),
    ("陈敏尔", "Chen Min'er", "Ch'en Min-erh"),
    ("刘鹤", "Liu He", "Liu Ho"),
    ("栗战书", "Li Zhanshu", "Li Chan-shu"),
    ("汪洋", "Wang Yang", "Wang Yang"),
    ("曾庆红", "Zeng Qinghong", "Tseng Ch'ing-hung"),
    ("张德江", "Zhang Dejiang", "Chang Te-chiang"),
    ("俞正声", "Yu Zhengsheng", "Yü Cheng-sheng"),
    ("刘云山", "Liu Yunshan", "Liu Yün-shan"),
    ("王岐山", "Wang Qishan", "Wang Ch'i-shan"),
    ("江泽民", "Jiang Zemin", "Chiang Tse-min"),
    ("李鹏", "Li Peng", "Li P'eng"),
    ("朱镕基", "Zhu Rongji", "Chu Jung-chi"),
    ("刘少奇", "Liu Shaoqi", "Liu Shao-ch'i"),
    ("华国锋", "Hua Guofeng", "Hua Kuo-feng"),
    ("赵紫阳", "Zhao Ziyang", "Chao Tzu-yang"),
    ("胡耀邦", "Hu Yaobang", "Hu Yao-pang"),
    ("杨尚昆", "Yang Shangkun", "Yang Shang-k'un"),
    ("吴邦国", "Wu Bangguo", "Wu Pang-kuo"),
    ("贾庆林", "Jia Qinglin", "Chia Ch'ing-lin"),
    ("李长春", "Li Changchun", "Li Ch'ang-ch'un"),
    ("薄熙来", "Bo Xilai", "Po Hsi-lai"),
    ("郭声琨", "Guo Shengkun", "Kuo Sheng-k'un"),
    ("黄坤明", "Huang Kunming", "Huang K'un-ming"),
    ("石泰峰", "Shi Taifeng", "Shih T'ai-feng"),
    ("马兴瑞", "Ma Xingrui", "Ma Hsing-jui"),
    ("袁家军", "Yuan Jiajun", "Yüan Chia-chün"),
    ("陈吉宁", "Chen Jining", "Ch'en Chi-ning"),
    ("谌贻琴", "Chen Yiqin", "Ch'en I-ch'in"),
    ("孙政才", "Sun Zhengcai", "Sun Cheng-ts'ai"),
    ("朱德", "Zhu De", "Chu Te"),
    ("林彪", "Lin Biao", "Lin Piao"),
    ("叶剑英", "Ye Jianying", "Yeh Chien-ying"),
    ("沈跃跃", "Shen Yueyue", "Shen Yüeh-yüeh"),
    ("欧阳修", "Ouyang Xiu", "Ou-yang Hsiu"),
    ("诸葛亮", "Zhuge Liang", "Chu-ko Liang"),
    ("司马懿", "Sima Yi", "Ssu-ma I"),
    ("金正恩", "Jin Zheng'en", "Chin Cheng-en"),
    ("崔龙海", "Cui Longhai", "Ts'ui Lung-hai"),
    ("崔善姬", "Cui Shanji", "Ts'ui Shan-chi"),
    ("朴正天", "Piao Zhengtian", "P'iao Cheng-t'ien"),
]

#: Pinyin syllables whose Wade–Giles spelling is shared with a more common syllable, so they
#: cannot come back unchanged (o/e → o, lo/luo → lo, ASCII lue/nue → lüeh/nüeh).
WG_COLLISIONS = {"o", "lo", "lue", "nue"}


def standard_join(syllables: list[str]) -> str:
    """Join pinyin syllables the standard way: apostrophe before a/e/o after the first."""
    out = syllables[0]
    for syl in syllables[1:]:
        out += ("'" if syl[0] in "aeo" else "") + syl
    return out


syllable = st.sampled_from(sorted(PINYIN_SYLLABLES))
syllable_lists = st.lists(syllable, min_size=1, max_size=5)

# ---------------------------------------------------------------------------------------------
# Golden cases
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("习近平", True),
        ("習近平", True),
        ("习·近平", True),
        ("习近平 Xi", True),
        ("Xi Jinping", False),
        ("김정은", False),
        ("", False),
        ("·", False),
        ("Xi 习", False),
    ],
)
def test_is_han(text: str, expected: bool) -> None:
    assert is_han(text) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("jinping", ["jin", "ping"]),
        ("hongzhong", ["hong", "zhong"]),
        ("xian", ["xian"]),
        ("xi'an", ["xi", "an"]),
        ("xi’an", ["xi", "an"]),
        ("xinan", ["xi", "nan"]),
        ("fangan", ["fan", "gan"]),
        ("fang'an", ["fang", "an"]),
        ("zheng'en", ["zheng", "en"]),
        ("tianan", ["tian", "an"]),  # apostrophe dropped: vowel-initial syllable accepted
        ("zedong", ["ze", "dong"]),
        ("ouyang", ["ou", "yang"]),
        ("xiaoping", ["xiao", "ping"]),
        ("lüe", ["lüe"]),
        ("Jinping", ["jin", "ping"]),
        ("jìnpíng", ["jin", "ping"]),
        ("jin-ping", ["jin", "ping"]),
        ("x", None),
        ("jinpingq", None),
        ("", None),
        ("'", None),
        ("jin ping", None),
        ("ng", None),
    ],
)
def test_pinyin_syllables_golden(word: str, expected: list[str] | None) -> None:
    assert pinyin_syllables(word) == expected


def test_inventory_size_and_shape() -> None:
    assert 400 <= len(PINYIN_SYLLABLES) <= 420
    for s in ("a", "er", "zhuang", "chuang", "shuang", "xiong", "nü", "lüe", "yo", "den"):
        assert s in PINYIN_SYLLABLES
    for s in ("ng", "m", "hm", "ê", "bue", "jv", "qiu'", "zhin", "xu'"):
        assert s not in PINYIN_SYLLABLES


@pytest.mark.parametrize(("han", "pinyin", "wade_giles"), PEOPLE)
def test_han_name_to_pinyin_people(han: str, pinyin: str, wade_giles: str) -> None:
    assert han_name_to_pinyin(han) == pinyin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("習近平", "Xi Jinping"),
        ("李鴻忠", "Li Hongzhong"),
        ("习 近平", "Xi Jinping"),
        ("习·近平", "Xi Jinping"),
        ("歐陽修", "Ouyang Xiu"),
        ("长孙无忌", "Zhangsun Wuji"),
        ("尉迟恭", "Yuchi Gong"),
        ("沈", "Shen"),
        ("曾国藩", "Zeng Guofan"),
        ("单雄信", "Shan Xiongxin"),
        ("Xi Jinping", None),
        ("习近平X", None),
        ("", None),
        ("김정은", None),
    ],
)
def test_han_name_to_pinyin_golden(text: str, expected: str | None) -> None:
    assert han_name_to_pinyin(text) == expected


@pytest.mark.parametrize(("han", "pinyin", "wade_giles"), PEOPLE)
def test_pinyin_to_wade_giles_people(han: str, pinyin: str, wade_giles: str) -> None:
    assert pinyin_to_wade_giles(pinyin) == wade_giles


@pytest.mark.parametrize(
    ("pinyin", "expected"),
    [
        ("Xi Jinping", "Hsi Chin-p'ing"),
        ("Li Hongzhong", "Li Hung-chung"),
        ("Wang Yi", "Wang I"),
        ("Mao Zedong", "Mao Tse-tung"),
        ("Zhou Enlai", "Chou En-lai"),
        ("Deng Xiaoping", "Teng Hsiao-p'ing"),
        ("Xí Jìnpíng", "Hsi Chin-p'ing"),
        ("XI JINPING", "Hsi Chin-p'ing"),
        ("Zhao Lijian", "Chao Li-chien"),
        ("Guo Shuqing", "Kuo Shu-ch'ing"),
        ("Liu Shuo", "Liu Shuo"),
        ("Xue Yan", "Hsüeh Yen"),
        ("Qu Jue", "Ch'ü Chüeh"),
        ("Lian Yong", "Lien Yung"),
        ("Xu Yu", "Hsü Yü"),
        ("Si Ci Zi Ri", "Ssu Tz'u Tzu Jih"),
        ("Ke He Ge De", "K'o Ho Ko Te"),
        ("Gui Kui Hui", "Kuei K'uei Hui"),
        ("Xi Jinpingq", None),
        ("", None),
        ("   ", None),
    ],
)
def test_pinyin_to_wade_giles_golden(pinyin: str, expected: str | None) -> None:
    assert pinyin_to_wade_giles(pinyin) == expected


@pytest.mark.parametrize(
    ("wade_giles", "expected"),
    [
        ("Hsi Chin-p'ing", "Xi Jinping"),
        ("Hsi Chin-p’ing", "Xi Jinping"),
        ("Hsi Chin-ping", "Xi Jinping"),  # apostrophes stripped
        ("Li Hung-chung", "Li Hongzhong"),
        ("Mao Tse-tung", "Mao Zedong"),
        ("Chou En-lai", "Zhou Enlai"),
        ("Teng Hsiao-p'ing", "Deng Xiaoping"),
        ("Teng Hsiao-ping", "Deng Xiaoping"),
        ("Wang I", "Wang Yi"),
        ("Hu Chin-tao", "Hu Jintao"),
        ("Chiang Tse-min", "Jiang Zemin"),
        ("Ting Hsueh-hsiang", "Ding Xuexiang"),  # umlaut dropped
        ("Mao Tsê-tung", "Mao Zedong"),
        ("Ssŭ-ma Ch'ien", "Sima Qian"),
        ("Szu-ma Ch'ien", "Sima Qian"),
        ("Ou-yang Hsiu", "Ouyang Xiu"),
        ("Ouyang Hsiu", "Ouyang Xiu"),
        ("Chin Cheng-en", "Jin Zheng'en"),
        ("HSI CHIN-P'ING", "Xi Jinping"),
        ("Xi Jinping", None),  # pinyin, not Wade–Giles
        ("", None),
    ],
)
def test_wade_giles_to_pinyin_golden(wade_giles: str, expected: str | None) -> None:
    assert wade_giles_to_pinyin(wade_giles) == expected


def test_wade_giles_candidates_golden() -> None:
    assert wade_giles_candidates("Hsi Chin-ping") == {
        "Xi Jinping",
        "Xi Jinbing",
        "Xi Qinping",
        "Xi Qinbing",
    }
    assert "Qin Gang" in wade_giles_candidates("Chin Kang")
    assert "Cai Qi" in wade_giles_candidates("Tsai Chi")
    assert "Li Keqiang" in wade_giles_candidates("Li Ko-chiang")
    assert "Yu Zhengsheng" in wade_giles_candidates("Yu Cheng-sheng")
    assert "You Zhengsheng" in wade_giles_candidates("Yu Cheng-sheng")
    assert wade_giles_candidates("Xi Jinping") == frozenset()
    assert wade_giles_candidates("") == frozenset()
    assert len(wade_giles_candidates("Chang Chin-chung-ch'ing-chiang-tsai")) == 16


def test_spellings() -> None:
    assert spellings("习近平") == {"pinyin": "Xi Jinping", "wade-giles": "Hsi Chin-p'ing"}
    assert spellings("習近平") == {"pinyin": "Xi Jinping", "wade-giles": "Hsi Chin-p'ing"}
    assert spellings("王毅") == {"pinyin": "Wang Yi", "wade-giles": "Wang I"}
    assert spellings("Xi Jinping") == {}
    assert spellings("김정은") == {}
    assert spellings("") == {}


# ---------------------------------------------------------------------------------------------
# Round trips
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("han", "pinyin", "wade_giles"), PEOPLE)
def test_round_trip_people(han: str, pinyin: str, wade_giles: str) -> None:
    wg = pinyin_to_wade_giles(pinyin)
    assert wg is not None
    assert wade_giles_to_pinyin(wg) == pinyin
    assert pinyin in wade_giles_candidates(wg)


@pytest.mark.parametrize(("han", "pinyin", "wade_giles"), PEOPLE)
def test_stripped_apostrophes_keep_the_name_among_candidates(
    han: str, pinyin: str, wade_giles: str
) -> None:
    stripped = wade_giles.replace("'", "").replace("ü", "u")
    assert pinyin in wade_giles_candidates(stripped)


def test_every_syllable_round_trips_through_wade_giles() -> None:
    for syl in sorted(PINYIN_SYLLABLES - WG_COLLISIONS):
        word = syl.capitalize()
        wg = pinyin_to_wade_giles(word)
        assert wg is not None, syl
        assert wade_giles_to_pinyin(wg) == word or "'" not in wg, (syl, wg)
        assert word in wade_giles_candidates(wg), (syl, wg)


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------


@given(syllable_lists)
def test_pinyin_syllables_rejoin_to_the_word(syllables: list[str]) -> None:
    word = "".join(syllables)
    found = pinyin_syllables(word)
    assert found is not None
    assert "".join(found) == word
    assert all(s in PINYIN_SYLLABLES for s in found)
    assert len(found) <= len(syllables)


@given(syllable_lists)
def test_pinyin_syllables_recovers_standard_spelling(syllables: list[str]) -> None:
    assert pinyin_syllables(standard_join(syllables)) == syllables


@given(syllable_lists)
def test_apostrophes_are_boundaries(syllables: list[str]) -> None:
    assert pinyin_syllables("'".join(syllables)) == syllables


@given(st.text(max_size=30))
def test_pinyin_syllables_output_is_in_inventory(text: str) -> None:
    found = pinyin_syllables(text)
    if found is not None:
        assert found
        assert all(s in PINYIN_SYLLABLES for s in found)


@given(
    # names of up to 4 syllables: at most 2**4 = 16 readings, the cap of wade_giles_candidates
    st.lists(
        st.lists(st.sampled_from(sorted(PINYIN_SYLLABLES - WG_COLLISIONS)), min_size=1, max_size=2),
        min_size=1,
        max_size=2,
    )
)
def test_wade_giles_round_trip_of_generated_names(words: list[list[str]]) -> None:
    pinyin = " ".join(standard_join(w).capitalize() for w in words)
    wg = pinyin_to_wade_giles(pinyin)
    assert wg is not None
    assert pinyin in wade_giles_candidates(wg)
    if "'" in wg:  # apostrophes present, so they are trusted: the reading is exact
        assert wade_giles_to_pinyin(wg) == pinyin


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=4))
def test_han_names_romanize(text: str) -> None:
    result = spellings(text)
    if text:
        pinyin = han_name_to_pinyin(text)
        assert result.get("pinyin") == pinyin
        if pinyin is not None:
            assert result["wade-giles"] == pinyin_to_wade_giles(pinyin)
    else:
        assert result == {}


@given(st.one_of(any_text, st.text()))
def test_nothing_raises(text: str) -> None:
    assert isinstance(is_han(text), bool)
    found = pinyin_syllables(text)
    assert found is None or isinstance(found, list)
    assert han_name_to_pinyin(text) is None or is_han(text)
    assert isinstance(pinyin_to_wade_giles(text) or "", str)
    assert isinstance(wade_giles_to_pinyin(text) or "", str)
    candidates = wade_giles_candidates(text)
    assert isinstance(candidates, frozenset)
    assert len(candidates) <= 16
    primary = wade_giles_to_pinyin(text)
    assert (primary is None) == (not candidates)
    if primary is not None:
        assert primary in candidates
    spelled = spellings(text)
    assert isinstance(spelled, dict)
    assert set(spelled) <= {"pinyin", "wade-giles"}


# ---------------------------------------------------------------------------------------------
# Sino-Korean readings (Hanja)


@pytest.mark.parametrize(
    ("han", "hangul"),
    [
        ("金正恩", "김정은"),  # 金 as a surname is 김
        ("李金花", "리금화"),  # ... and 금 anywhere else
        ("崔龍海", "최룡해"),
        ("崔龙海", "최룡해"),  # simplified forms read as the traditional ones
        ("金與正", "김여정"),
        ("金与正", "김여정"),
        ("全斗煥", "전두환"),
        ("金 正 恩", "김정은"),  # spaces inside are not characters
    ],
)
def test_korean_reading_of_hanja_names(han: str, hangul: str) -> None:
    from canonym.translit.han import korean_reading

    assert korean_reading(han) == hangul


@pytest.mark.parametrize("text", ["金", "弗拉基米尔", "Kim Jong Un", "김정은", "金正恩x", ""])
def test_korean_reading_refuses_what_is_no_hanja_name(text: str) -> None:
    from canonym.translit.han import korean_reading

    assert korean_reading(text) is None


_HANJA = "金崔李朴正恩龍海善姬光鐵永南日成天全斗煥"


@given(st.text(alphabet=_HANJA, min_size=2, max_size=4))
def test_korean_reading_gives_one_hangul_syllable_a_character(han: str) -> None:
    from canonym.translit.han import korean_reading

    hangul = korean_reading(han)
    assert hangul is not None
    assert len(hangul) == len(han)
    assert all("\uac00" <= ch <= "\ud7a3" for ch in hangul)


@given(any_text)
def test_korean_reading_never_raises(text: str) -> None:
    from canonym.translit.han import korean_reading

    found = korean_reading(text)
    assert found is None or 2 <= len(found) <= 4

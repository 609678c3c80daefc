"""Alphabetical order as each language's readers expect it.

Python's default order puts every accented letter after 'z'. Lithuanian and
Polish treat č, š, ž, ł, ś ... as letters of their own right after their base
letter (and Lithuanian puts y right after į); Finnish puts å, ä, ö after z;
Italian ignores accents when sorting.
"""

from __future__ import annotations

import unicodedata
from typing import Any

ALPHABETS = {
    "lt": "a ą b c č d e ę ė f g h i į y j k l m n o p r s š t u ų ū v z ž".split(),
    "pl": "a ą b c ć d e ę f g h i j k l ł m n ń o ó p q r s ś t u v w x y z ź ż".split(),
    "fi": "a b c d e f g h i j k l m n o p q r s t u v w x y z å ä ö".split(),
    "it": "a b c d e f g h i j k l m n o p q r s t u v w x y z".split(),
}


def _base(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0]


def letter_of(char: str, lang: str) -> str:
    """The alphabet letter a character files under (Italian 'à' under 'a')."""
    char = char.lower()
    alphabet = ALPHABETS[lang]
    return char if char in alphabet else _base(char)


def sort_key(text: str, lang: str) -> tuple[Any, ...]:
    alphabet = {letter: index for index, letter in enumerate(ALPHABETS[lang])}
    primary = []
    for char in text.lower():
        letter = letter_of(char, lang)
        if letter in alphabet:
            primary.append(alphabet[letter])
        elif char.isspace() or char in "-–'’":
            primary.append(-1)  # word breaks sort before letters: "punto vendita" < "puntuale"
        else:
            primary.append(1000 + ord(letter))
    # Ties (Italian accents) are broken by the exact text, so the order is total.
    return (tuple(primary), text)

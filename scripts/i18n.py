"""Update the French catalog: every message of the sources and every help text into
src/twinning_cli/i18n/fr.po (translations kept), compiled to fr.mo, with what is left to translate.

    python scripts/i18n.py
"""

from twinning_cli.i18n import catalog

if __name__ == "__main__":
    total, empty = catalog.update()
    print(f"{total} messages in {catalog.PO}; {empty} without French")
    for problem in catalog.problems()[:50]:
        print(problem)

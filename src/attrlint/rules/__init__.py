"""Built-in rules.  Each module holds one rule; :data:`BUILTIN_RULES` lists them."""

from attrlint.rules.unattributed_factual import UnattributedFactualClaim
from attrlint.rules.unattributed_numeric import UnattributedNumericClaim
from attrlint.rules.unattributed_quote import UnattributedQuote
from attrlint.rules.unused_suppression import UnusedSuppression
from attrlint.rules.vague_attribution import VagueAttribution

BUILTIN_RULES = (UnattributedNumericClaim, VagueAttribution, UnattributedFactualClaim, UnattributedQuote,
                 UnusedSuppression)

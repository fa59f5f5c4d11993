"""The trained scorer: the rules find candidates and say why; the scorer decides.

``features`` turns the shared analysis of an article into per-sentence features, ``model``
reads a model file and scores them in pure Python, ``train`` (scikit-learn, optional)
fits one.  Rules read the scores through ``RuleContext.scores`` and report a finding for a
sentence whose score reaches :data:`REPORT_FLOOR`, with the score as its confidence; the
configuration's ``min-confidence`` (default: the model's cross-validated thresholds)
decides which are shown.
"""

# Below this a sentence is not reported at all, whatever --min-confidence says: a finding
# for every sentence of an archive would cost memory for nothing anyone reads.
REPORT_FLOOR = 0.1

# A sentence more than this share inside quotation marks is a quotation (ATR004), as the
# analysis counts it (claim kind "quote").
QUOTED = 0.6

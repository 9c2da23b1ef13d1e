"""The ways writers name the TIP Report, as regex pieces."""

# "Trafficking in Persons Report", "US TIP Report", "TiP reports".
REPORT_NAME = (r"(?:U\.?S\.?\s+)?(?:Trafficking\s+(?:in\s+)?Persons|TIP|TiP)\s+"
               r"(?:\(\s*TIP\s*\)\s+)?Reports?")
# Words that make a sentence worth reading for a rating at all.
TIP_CONTEXT = r"trafficking|\bTIP\b|report|tier|rating|rank|upgrad|downgrad"

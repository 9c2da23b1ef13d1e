"""Month names as writers abbreviate them, for dates and periods."""

# A regex alternation, full names first so that "June" is not read as "Jun".
MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|"
          r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)")

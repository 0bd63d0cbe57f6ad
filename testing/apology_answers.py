"""Sample answers to the apology walkthrough: clean ones, and flagged ones with the phrase the coach should quote."""

CLEAN = {
    "what_happened": "I lied to you about where I was every Friday for two months",
    "impact": "You felt foolish and alone, and you stopped sleeping properly",
    "ownership": "That was my choice and my responsibility, nobody else's",
    "regret": "I regret lying to your face when you asked me straight out",
    "amends": "I will pay back the money I took from our savings, some every month",
    "change": "I have blocked his number and I will show you my phone whenever you ask",
    "honesty": "I met him twice more after I told you it was over",
    "request": "When you feel ready, could we talk about what would help you?",
}
FLAGGED = {  # step: (answer, the phrase the coach should quote)
    "what_happened": ("I'm sorry for everything that happened", "everything"),
    "impact": ("I'm sorry you feel that way", "sorry you feel that way"),
    "ownership": ("It was my fault but you were never home", "but you were never home"),
    "regret": ("I regret it because I was stressed", "because I was stressed"),
    "amends": ("I'll buy you some flowers and make it up to you", "buy you some flowers"),
    "change": ("I will be better, I promise", "be better"),
    "honesty": ("yes", "yes"),
    "request": ("You have to forgive me by next week", "You have to forgive me by next week"),
}

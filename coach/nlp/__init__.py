"""Language tools shared by the safety net, the apology analyzer and the NLU pipeline."""

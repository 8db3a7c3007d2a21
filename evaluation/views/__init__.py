"""The evaluation's internal pages, for the Secretariat and the Committee's members (one module each):
the desk and a round's evaluation, the question workspace, an observation, a meeting, a draft report."""

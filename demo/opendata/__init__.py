"""A round's open-data document loaded back into a database (`load_open_data`): checked first (`checks`),
then written (`restore`)."""

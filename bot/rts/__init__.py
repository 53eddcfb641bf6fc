"""The RT list: importing the Pemkot's file and invite codes for chairs not on it."""

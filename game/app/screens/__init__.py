"""The screens a child sees, one at a time: who is playing, the journey map, a chapter, the
word book, the feelings check-in, a break, a notice."""

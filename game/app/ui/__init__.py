"""What screens are drawn with: the painted pictures and cells, text and fonts, the look (contrast,
motion), widgets such as buttons and cards, the on-screen keyboard."""

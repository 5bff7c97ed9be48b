namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>One lexical unit: its kind, its text (a string literal's value, a field's unescaped name) and where it starts.</summary>
    internal sealed class Token
    {
        public Token(TokenKind kind, string text, int position)
        {
            Kind = kind;
            Text = text;
            Position = position;
        }

        public TokenKind Kind { get; }

        public string Text { get; }

        public int Position { get; }

        public bool Is(TokenKind kind, string text) => Kind == kind && Text == text;

        public override string ToString() => Kind == TokenKind.End ? "the end of the expression" : "'" + Text + "'";
    }
}

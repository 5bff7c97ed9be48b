namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    internal enum TokenKind
    {
        Identifier,
        Field,
        String,
        Integer,
        Decimal,
        Operator,
        LeftParen,
        RightParen,
        LeftBracket,
        RightBracket,
        LeftBrace,
        RightBrace,
        Comma,
        Dot,
        Colon,
        Question,
        End,
    }
}

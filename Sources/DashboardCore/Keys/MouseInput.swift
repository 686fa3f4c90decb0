/// A click or a turn of the wheel, at a cell of the screen (column and row from 0).
public struct MouseInput: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        case click, wheelUp, wheelDown
    }

    public let action: Action
    public let x: Int
    public let y: Int

    public init(_ action: Action, x: Int, y: Int) {
        self.action = action
        self.x = x
        self.y = y
    }

    /// Rows the wheel moves at a turn.
    static let wheelStep = 3
}

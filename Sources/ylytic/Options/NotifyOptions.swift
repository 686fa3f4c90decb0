import ArgumentParser
import DashboardCore

/// `--notify`: how the dashboard tells that refreshes finished while nobody looks.
struct NotifyOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "When refreshes finish while the dashboard is behind another window or on another screen: bell (the "
                + "default, or the config file's notify), osc (bell and a desktop notification by OSC 9), osc777 (by "
                + "OSC 777), or off.", valueName: "bell|osc|osc777|off"))
    var notify: NotificationStyle?
}

extension NotificationStyle: ExpressibleByArgument {}

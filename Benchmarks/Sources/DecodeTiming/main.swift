import Foundation
import RefreshAPI
import ResponseBodies
let which = CommandLine.arguments[1]
let body = which == "b20" ? SyntheticResponse.body(posts: 30, trendPoints: 60) : which == "posts" ? SyntheticResponse.body(posts: 40, trendPoints: 0) : which == "trends" ? SyntheticResponse.body(posts: 0, trendPoints: 60) : SyntheticResponse.body(posts: 0, trendPoints: 0)
for _ in 0..<Int(CommandLine.arguments[2])! { _ = try! RefreshRecordDecoder.decode(body) }

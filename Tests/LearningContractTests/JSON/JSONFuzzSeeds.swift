import LearningContract

/// Valid payloads the fuzzer mutates: the doc examples (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0 and learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0, examples 1 and 2),
/// verbatim, plus two small documents that reach escapes, surrogate pairs and number forms.
enum JSONFuzzSeeds {
    /// learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, example 1 request (assignment).
    static let createAssignmentRequest = DocumentedExample.createAssignment.body

    /// learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, example 1 response.
    static let createAssignmentResponse = #"""
        {
          "@odata.type": "#microsoft.graph.learningAssignment",
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#learningProviders('13727311-e7bb-470d-8b20-6a23d9030d70')/learningCourseActivities('7ba2228a-e020-11ec-9d64-0242ac120002')$entity",
          "assignedDateTime": "2021-05-11T22:57:17+00:00",
          "assignmentType": "required",
          "assignerUserId": "cea1684d-57dc-438d-a9d1-e666ec1a7f3d",
          "completedDateTime": null,
          "completionPercentage": 20,
          "externalCourseActivityId": "12a2228a-e020-11ec-9d64-0242ac120002",
          "id": "7ba2228a-e020-11ec-9d64-0242ac120002:749c8786-99bb-4b3b-8d5d-586428f6aaa3",
          "dueDateTime": { "dateTime": "2022-09-22T16:05:00.0000000", "timeZone": "UTC" },
          "learningContentId": "57baf9dc-e020-11ec-9d64-0242ac120002",
          "learningProviderId": "01e8f81b-3060-4dec-acf0-0389665a0a38",
          "learnerUserId": "7ba2228a-e020-11ec-9d64-0242ac120002",
          "notes": { "contentType": "text", "content": "required assignment added for user" },
          "status": "notStarted"
        }
        """#

    /// learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, example 2 request (self-initiated).
    static let createSelfInitiatedRequest = DocumentedExample.createSelfInitiated.body

    /// learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, example 1 response.
    static let getResponse = #"""
        {
          "@odata.type": "#microsoft.graph.learningAssignment",
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#learningProviders('13727311-e7bb-470d-8b20-6a23d9030d70')/learningCourseActivities('7ba2228a-e020-11ec-9d64-0242ac120002')$entity",
          "assignedDateTime": "2021-05-11T22:57:17+00:00",
          "assignmentType": "required",
          "assignerUserId": "cea1684d-57dc-438d-a9d1-e666ec1a7f3d",
          "completedDateTime": null,
          "completionPercentage": null,
          "dueDateTime": { "dateTime": "2022-09-22T16:05:00.0000000", "timeZone": "UTC" },
          "externalCourseActivityId": "12a2228a-e020-11ec-9d64-0242ac120002",
          "id": "8ba2228a-e020-11ec-9d64-0242ac120003",
          "learningContentId": "57baf9dc-e020-11ec-9d64-0242ac120002",
          "learningProviderId": "13727311-e7bb-470d-8b20-6a23d9030d70",
          "learnerUserId": "7ba2228a-e020-11ec-9d64-0242ac120002",
          "notes": { "contentType": "text", "content": "required assignment added for user" },
          "status": "notStarted"
        }
        """#

    /// learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0, example 1 request (assignment update).
    static let updateAssignmentRequest = DocumentedExample.updateAssignment.body

    /// learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0, example 2 request (self-initiated update, older key spelling).
    static let updateSelfInitiatedRequest = DocumentedExample.updateSelfInitiated.body

    /// Not from the spec: reaches escapes, surrogate pairs, raw non-ASCII and number forms.
    static let escapesAndNumbers = #"""
        {"s":"\"\\\/\b\f\n\r\t\u0041\u00e9\uD834\uDD1E é€𝄞","n":[0,-0,20,20.0,-1.5e+10,1E-2,9223372036854775807],"e":[],"o":{},"t":[true,false,null]}
        """#

    static let all: [String] = [
        createAssignmentRequest, createAssignmentResponse, createSelfInitiatedRequest, getResponse,
        updateAssignmentRequest, updateSelfInitiatedRequest, escapesAndNumbers,
    ]
}

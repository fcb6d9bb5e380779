#pragma once

#include "domain/Programme.h"

namespace tisheng::services {

/// Timings of the certification workflow.
struct WorkflowTimings {
  /// Days a confirmed grade stays on public notice (公示) before the certificate is issued.
  int noticeDays = 7;
  /// Days after a decision during which it may be appealed (申诉).
  int appealDays = 21;
  /// How many days before a review falls due the scheduler opens its inspection.
  int reviewLeadDays = 30;
  /// Largest evidence photo an inspector may upload.
  int evidenceMaxBytes = 5 * 1024 * 1024;
};

/// What the services are configured by: plain data, copied into each service that needs it
/// (the composition root builds it from its configuration).
struct Settings {
  domain::Programme programme;
  WorkflowTimings workflow;
  /// How long a published status list may be cached.
  int statusListTtlSeconds = 86400;
};

}  // namespace tisheng::services

package eu.authorityhub.pages;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The pages' words in English; messages/msg_fr, _nl and _de translate them. Templates use {msg:key}. */
@MessageBundle(value = "msg", locale = "en")
public interface PageMessages {

    @Message("Authority hub")
    String app();

    @Message("Skip to the content")
    String skip();

    @Message("Main menu")
    String menu();

    @Message("Inbox")
    String inbox();

    @Message("Requests")
    String requests();

    @Message("New request")
    String newRequest();

    @Message("Sign out")
    String signOut();

    @Message("Language")
    String language();

    @Message("Signed in as {user}")
    String signedInAs(String user);

    @Message("acting for {authority}")
    String actingFor(String authority);

    @Message("What arrived for your authority, newest first.")
    String inboxIntro();

    @Message("Show")
    String show();

    @Message("Everything")
    String all();

    @Message("Requests")
    String kindRequest();

    @Message("Alerts")
    String kindAlert();

    @Message("Nothing has arrived yet.")
    String emptyInbox();

    @Message("Case")
    String caseColumn();

    @Message("Event")
    String event();

    @Message("State")
    String state();

    @Message("Received")
    String receivedAt();

    @Message("Open")
    String open();

    @Message("Received requests")
    String received();

    @Message("Sent requests")
    String sent();

    @Message("Reference")
    String reference();

    @Message("From")
    String requester();

    @Message("To")
    String responder();

    @Message("Profession")
    String profession();

    @Message("Due")
    String due();

    @Message("Last change")
    String updated();

    @Message("overdue")
    String overdue();

    @Message("due soon")
    String dueSoon();

    @Message("No requests here.")
    String noRequests();

    @Message("Previous page")
    String previous();

    @Message("Next page")
    String next();

    @Message("Request {reference}")
    String requestTitle(String reference);

    @Message("The professional")
    String professional();

    @Message("Name")
    String name();

    @Message("Born")
    String born();

    @Message("Questions")
    String questions();

    @Message("Answer")
    String answer();

    @Message("No answer yet")
    String noAnswer();

    @Message("Timeline")
    String timeline();

    @Message("Attachments")
    String attachments();

    @Message("None")
    String none();

    @Message("What you can do")
    String actions();

    @Message("Nothing to do for your authority now.")
    String noActions();

    @Message("Reason")
    String reason();

    @Message("Accept")
    String action_ACCEPT();

    @Message("Decline")
    String action_DECLINE();

    @Message("Send the answer")
    String action_ANSWER();

    @Message("Save the answers")
    String action_SAVE_ANSWERS();

    @Message("Close the request")
    String action_CLOSE();

    @Message("Withdraw the request")
    String action_WITHDRAW();

    @Message("Send the request")
    String action_SEND();

    @Message("Yes")
    String yes();

    @Message("No")
    String no();

    @Message("Find the competent authority, choose the questions, name the professional.")
    String newIntro();

    @Message("Member state of the authority asked")
    String memberState();

    @Message("Find")
    String find();

    @Message("Authority asked")
    String authority();

    @Message("Policy area")
    String policyArea();

    @Message("Procedure")
    String procedure();

    @Message("Family name")
    String familyName();

    @Message("Given names")
    String givenNames();

    @Message("Date of birth")
    String birthDate();

    @Message("Requested due date")
    String requestedDueDate();

    @Message("Questions from the catalogue")
    String catalogue();

    @Message("Save as draft")
    String saveDraft();

    @Message("Send")
    String send();

    @Message("The page could not be shown")
    String errorTitle();

    @Message("Back to the inbox")
    String backHome();

    @Message("There is a problem")
    String problem();

    @Message("Done.")
    String done();

    @Message("Alerts")
    String alerts();

    @Message("Received alerts")
    String alertsReceived();

    @Message("Sent alerts")
    String alertsSent();

    @Message("Kind of alert")
    String alertType();

    @Message("Restriction or prohibition of practice")
    String alertType_RESTRICTION_OR_PROHIBITION();

    @Message("Falsified evidence of qualifications")
    String alertType_FALSIFIED_QUALIFICATION();

    @Message("Active")
    String alertState_ACTIVE();

    @Message("Withdrawn")
    String alertState_WITHDRAWN();

    @Message("Expired")
    String alertState_EXPIRED();

    @Message("No alerts.")
    String noAlerts();

    @Message("Summary")
    String summary();

    @Message("Sent")
    String broadcastAt();

    @Message("late")
    String late();

    @Message("New alert")
    String newAlert();

    @Message("An alert tells the competent authorities of every other member state about a decision restricting or prohibiting practice, or about falsified evidence of qualifications. It holds the decision, never its reasons.")
    String newAlertIntro();

    @Message("The law asks for the alert within three days of the decision; an alert sent later is marked late.")
    String threeDayRule();

    @Message("For the decision date entered: by {deadline}.")
    String threeDayDeadline(String deadline);

    @Message("Place of birth")
    String birthPlace();

    @Message("Specialty")
    String specialty();

    @Message("Scope")
    String scope();

    @Message("Prohibited from practising")
    String scope_FULL_PROHIBITION();

    @Message("Partly restricted")
    String scope_PARTIAL_RESTRICTION();

    @Message("Not applicable (falsified qualifications)")
    String scope_NOT_APPLICABLE();

    @Message("Restriction")
    String restriction();

    @Message("Only for a partial restriction: what may not be done. No reasons.")
    String restrictionHint();

    @Message("Deciding body")
    String decidingBody();

    @Message("Date of the decision")
    String decisionDate();

    @Message("In force from")
    String periodFrom();

    @Message("In force until")
    String periodUntil();

    @Message("Leave empty when open-ended.")
    String periodUntilHint();

    @Message("Send the alert")
    String broadcast();

    @Message("Alert {reference}")
    String alertTitle(String reference);

    @Message("Issuer")
    String issuer();

    @Message("Period")
    String period();

    @Message("open-ended")
    String openEnded();

    @Message("Your receipt")
    String yourReceipt();

    @Message("Read on {date}.")
    String readOn(String date);

    @Message("Received on {date}, not yet read.")
    String receivedOn(String date);

    @Message("Not yet confirmed.")
    String notYetReceived();

    @Message("Confirm receipt")
    String confirmReceipt();

    @Message("Mark as read")
    String markRead();

    @Message("Receipts")
    String receipts();

    @Message("No authority receives this alert.")
    String noRecipients();

    @Message("Authority")
    String recipientAuthority();

    @Message("Member state")
    String memberStateShort();

    @Message("Through the coordinator")
    String viaCoordinator();

    @Message("Read")
    String readAt();

    @Message("The professional informed")
    String informedTitle();

    @Message("Informed in writing on {date}")
    String informedOn(String date);

    @Message("Informed on")
    String informedOnLabel();

    @Message("By")
    String informedMeans();

    @Message("registered letter")
    String means_REGISTERED_LETTER();

    @Message("letter")
    String means_LETTER();

    @Message("e-mail")
    String means_EMAIL();

    @Message("in person")
    String means_IN_PERSON();

    @Message("other")
    String means_OTHER();

    @Message("Record")
    String recordInformed();

    @Message("The decision changed")
    String changeAlert();

    @Message("Update the alert")
    String updateAlert();

    @Message("The decision was revoked: withdrawing tells every recipient and removes the professional's personal data.")
    String withdrawHint();

    @Message("Withdraw the alert")
    String withdrawAlert();

    @Message("Directory")
    String directory();

    @Message("Back-office connection")
    String connection();

    @Message("Draft")
    String state_DRAFT();

    @Message("Sent")
    String state_SENT();

    @Message("Accepted")
    String state_ACCEPTED();

    @Message("Answered")
    String state_ANSWERED();

    @Message("Further information asked")
    String state_FURTHER_INFO_REQUESTED();

    @Message("Closed")
    String state_CLOSED();

    @Message("Declined")
    String state_DECLINED();

    @Message("Withdrawn")
    String state_WITHDRAWN();

    @Message("Drafted")
    String step_CREATE();

    @Message("Sent")
    String step_SEND();

    @Message("Accepted")
    String step_ACCEPT();

    @Message("Due date proposed")
    String step_PROPOSE_DUE_DATE();

    @Message("Due date agreed")
    String step_AGREE_DUE_DATE();

    @Message("Due date rejected")
    String step_REJECT_DUE_DATE();

    @Message("Forwarded")
    String step_FORWARD();

    @Message("Reassigned by the coordinator")
    String step_REASSIGN();

    @Message("Declined")
    String step_DECLINE();

    @Message("Answers saved")
    String step_SAVE_ANSWERS();

    @Message("Answered")
    String step_ANSWER();

    @Message("Further information asked")
    String step_REQUEST_FURTHER_INFO();

    @Message("Closed")
    String step_CLOSE();

    @Message("Withdrawn")
    String step_WITHDRAW();

    @Message("Document attached")
    String step_ATTACH();

    @Message("Propose this due date")
    String action_PROPOSE_DUE_DATE();

    @Message("Agree to the proposed due date")
    String action_AGREE_DUE_DATE();

    @Message("Reject the proposed due date")
    String action_REJECT_DUE_DATE();

    @Message("Forward")
    String action_FORWARD();

    @Message("Ask for further information")
    String action_REQUEST_FURTHER_INFO();

    @Message("Attach")
    String action_ATTACH();

    @Message("proposed: {date}")
    String proposedDate(String date);

    @Message("Another due date")
    String proposeLabel();

    @Message("Competent authority to forward to")
    String forwardTo();

    @Message("Only these questions (none ticked: the whole request)")
    String forwardWhich();

    @Message("Further questions, one per line")
    String furtherQuestions();

    @Message("New due date (optional)")
    String furtherDue();

    @Message("Documents")
    String documents();

    @Message("No documents.")
    String noDocuments();

    @Message("File")
    String fileName();

    @Message("Size")
    String size();

    @Message("From")
    String uploadedBy();

    @Message("Attached")
    String uploadedAt();

    @Message("A document (PDF, PNG or JPEG)")
    String attachLabel();

    @Message("Who is competent for a profession in a member state: choose both, or search by name.")
    String directoryIntro();

    @Message("Name contains")
    String authorityName();

    @Message("{total} authorities found")
    String found(String total);

    @Message("Code")
    String code();

    @Message("Name in the directory")
    String officialName();

    @Message("Working languages")
    String workingLanguages();

    @Message("Alerts")
    String alertsParticipation();

    @Message("Takes no part")
    String alerts_NONE();

    @Message("Sends")
    String alerts_SEND();

    @Message("Receives")
    String alerts_RECEIVE();

    @Message("Sends and receives")
    String alerts_SEND_AND_RECEIVE();

    @Message("No longer active")
    String inactive();

    @Message("Competent for")
    String competentFor();

    @Message("Policy areas")
    String policyAreas();

    @Message("Contact")
    String contact();

    @Message("Send a request to this member state")
    String askThisState();

    @Message("Connect your authority's national system: the hub sends it every event for your authority, signed (Standard Webhooks), and retries until it answers.")
    String connectionIntro();

    @Message("Subscriptions")
    String subscriptions();

    @Message("No national system is connected yet.")
    String noSubscriptions();

    @Message("Address of the receiving system")
    String endpoint();

    @Message("An https address your national system answers on.")
    String endpointHint();

    @Message("Description")
    String description();

    @Message("Events")
    String eventTypes();

    @Message("Information requests")
    String family_request();

    @Message("Alerts")
    String family_alert();

    @Message("Deadline notices")
    String family_deadline();

    @Message("Connection notices")
    String family_webhook();

    @Message("Also sign with an Ed25519 key (the public key is shown once)")
    String ed25519();

    @Message("Connect")
    String createSubscription();

    @Message("Connect a system")
    String newSubscription();

    @Message("Active")
    String hookState_ACTIVE();

    @Message("Disabled")
    String hookState_DISABLED();

    @Message("Deleted")
    String hookState_DELETED();

    @Message("The signing secret")
    String secretTitle();

    @Message("Copy it now into your national system: it is shown only this once.")
    String secretOnce();

    @Message("Secret")
    String secretLabel();

    @Message("Public key")
    String publicKeyLabel();

    @Message("The previous secret still signs until {date}.")
    String graceUntil(String date);

    @Message("Your system checks the webhook-signature header of every delivery with it.")
    String secretUse();

    @Message("To the subscription")
    String toSubscription();

    @Message("Connected system")
    String subscriptionTitle();

    @Message("Successful attempts, last 24 hours")
    String successRate();

    @Message("of {count} attempts")
    String attempts24h(long count);

    @Message("Waiting to be delivered")
    String waiting();

    @Message("Failed deliveries")
    String failedDeliveries();

    @Message("Last success")
    String lastSuccess();

    @Message("Last failure")
    String lastFailure();

    @Message("Issue a new secret")
    String rotate();

    @Message("Pause deliveries")
    String disable();

    @Message("Resume deliveries")
    String enable();

    @Message("Disconnect")
    String deleteSubscription();

    @Message("Deliveries")
    String deliveryLog();

    @Message("Nothing was sent yet.")
    String noDeliveries();

    @Message("Attempts")
    String tries();

    @Message("Created")
    String created();

    @Message("Delivered, or next attempt")
    String deliveredOrNext();

    @Message("Attempts of delivery {id}")
    String attemptsOf(long id);

    @Message("Waiting")
    String delivery_PENDING();

    @Message("Delivered")
    String delivery_DELIVERED();

    @Message("Failed")
    String delivery_FAILED();

    @Message("Send again")
    String replay();

    @Message("Send delivery {id} again")
    String replayOf(long id);

    @Message("All subscriptions")
    String backToConnection();

    @Message("Mail notices")
    String settings();

    @Message("Mails go to {email}, the address of your sign-in. They name the case reference and link here, never the professional.")
    String mailTo(String email);

    @Message("Your sign-in gives no e-mail address, so no mails can be sent to you.")
    String noEmail();

    @Message("Tell me by mail when something arrives for my authority")
    String mailHowOften();

    @Message("At once, one mail each time")
    String frequency_IMMEDIATE();

    @Message("Once a day, in one digest")
    String frequency_DAILY();

    @Message("Never")
    String frequency_NONE();

    @Message("Save")
    String save();

    @Message("{count} new since your last visit.")
    String newSinceLastVisit(long count);

    @Message("Requests")
    String kindCount_REQUEST();

    @Message("Alerts")
    String kindCount_ALERT();

    @Message("Deadline notices")
    String kindCount_DEADLINE();

    @Message("new")
    String newBadge();

    @Message("Order")
    String sortBy();

    @Message("Latest change first")
    String sortUpdated();

    @Message("Earliest due date first")
    String sortDue();

    @Message("New requests")
    String newCount_REQUEST();

    @Message("New alerts")
    String newCount_ALERT();

    @Message("New deadline notices")
    String newCount_DEADLINE();
}

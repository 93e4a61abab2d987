// Post a Markdown file as one comment on the pull request (actions/github-script), and show it in the
// run's summary. The comment is found again by its first line (the marker the Python code writes,
// praktikviden/pullrequest.py) and updated in place, so a pull request never gets a second one.
module.exports = async ({ github, context, core }, file, marker) => {
  const fs = require('fs');
  const run = `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}`;
  let body = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (!body.startsWith(marker)) {
    // The Python step stopped before it wrote the comment (an error in the code, not in the content).
    body = `${marker}\n### ❌ Tjekket kunne ikke køre\n\nNoget gik galt, før tjekket nåede at skrive sit resultat. ` +
      `Se [workflowets kørsel](${run}), og bed den, der vedligeholder sitet, om hjælp.\n`;
  }
  await core.summary.addRaw(body).write();
  const { owner, repo } = context.repo;
  const issue_number = context.payload.pull_request.number;
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
  const earlier = comments.find((c) => c.user.login === 'github-actions[bot]' && c.body.startsWith(marker));
  try {
    if (earlier) {
      await github.rest.issues.updateComment({ owner, repo, comment_id: earlier.id, body });
    } else {
      await github.rest.issues.createComment({ owner, repo, issue_number, body });
    }
  } catch (error) {
    // A pull request from a fork gets a read-only token: the list stays in the run's summary.
    if (error.status === 403) {
      core.warning('Kommentaren kunne ikke skrives (skrivebeskyttet token, fx fra en fork); se kørslens oversigt.');
      return;
    }
    throw error;
  }
};

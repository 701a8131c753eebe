'use strict';
// The S3Deploy task: turns the task's inputs into an 's3deploy deploy' command line and runs it. The CLI itself
// speaks the agent's logging commands (TF_BUILD=True): groups, issues with S3D codes, output variables, a summary.
const { spawn } = require('node:child_process');
const path = require('node:path');

function input(name) {
  const value = process.env['INPUT_' + name.replace(/[ .]/g, '_').toUpperCase()];
  return value && value.trim() ? value.trim() : undefined;
}

function flag(name) {
  const value = input(name);
  return value === undefined ? undefined : value.toLowerCase() === 'true';
}

function items(name) {
  return (input(name) || '').split(/[\r\n,]+/).map(s => s.trim()).filter(s => s.length > 0);
}

function escape(text) {
  return text.replace(/%/g, '%AZP25').replace(/;/g, '%3B').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/]/g, '%5D');
}

function commandLine(workingDirectory) {
  const source = input('source');
  const bucket = input('bucket');
  const rollback = flag('rollback') === true || input('rollbackTo') !== undefined;
  // A named target may give the bucket itself ("target" in its block of s3deploy.json); a rollback reads no folder.
  if ((!source && !rollback) || (!bucket && !input('target'))) {
    throw new Error(`Input '${source || rollback ? 'bucket' : 'source'}' is required.`);
  }

  const prefix = (input('prefix') || '').replace(/^\/+|\/+$/g, '');
  const args = rollback ? ['rollback'] : ['deploy', path.resolve(workingDirectory, source)];
  if (bucket) args.push(prefix ? `s3://${bucket}/${prefix}` : `s3://${bucket}`);
  const value = (option, name) => { const v = input(name); if (v !== undefined) args.push(option, v); };
  value('--keep-releases', 'keepReleases');
  value('--message', 'message');
  if (flag('breakLock') === true) args.push('--break-lock');
  if (rollback) {
    // A rollback takes the connection, safety and CloudFront options; the rest only shape a deploy.
    value('--to', 'rollbackTo');
    value('--region', 'region');
    value('--endpoint-url', 'endpointUrl');
    value('--max-deletes', 'maxDeletes');
    if (input('config')) args.push('--config', path.resolve(workingDirectory, input('config')));
    for (const id of items('cloudfrontDistributionId')) args.push('--cloudfront', id);
    if (flag('dryRun') === true) args.push('--dry-run');
    if (flag('waitForInvalidation') === false) args.push('--no-wait');
    return args;
  }

  value('--region', 'region');
  value('--endpoint-url', 'endpointUrl');
  value('--max-deletes', 'maxDeletes');
  value('--concurrency', 'concurrency');
  value('--target', 'target');
  value('--preview', 'preview');
  // The role is assumed on top of the credentials the agent has (secret variables mapped to AWS_* with env:, a profile).
  value('--role-arn', 'roleArn');
  value('--external-id', 'externalId');
  value('--role-session-name', 'roleSessionName');
  if (input('config')) args.push('--config', path.resolve(workingDirectory, input('config')));
  for (const glob of (input('exclude') || '').split(/\r?\n/).map(s => s.trim()).filter(Boolean)) args.push('--exclude', glob);
  for (const id of items('cloudfrontDistributionId')) args.push('--cloudfront', id);
  // Switches only when they differ from the CLI's defaults, so s3deploy.json still decides otherwise.
  if (flag('delete') === false) args.push('--no-delete');
  if (flag('dryRun') === true) args.push('--dry-run');
  if (flag('website') === true) args.push('--website');
  if (flag('public') === true) args.push('--public');
  if (flag('cloudfrontHosting') === true) args.push('--cloudfront-hosting');
  if (flag('hashCache') === false) args.push('--no-hash-cache');
  if (flag('waitForInvalidation') === false) args.push('--no-wait');
  return args;
}

function run() {
  const workingDirectory = process.env.SYSTEM_DEFAULTWORKINGDIRECTORY || process.cwd();
  const tool = input('toolPath') || 's3deploy';
  let args;
  try {
    args = commandLine(workingDirectory);
  } catch (e) {
    console.log(`##vso[task.logissue type=error;code=S3D006]${escape(e.message)}`);
    console.log('##vso[task.complete result=Failed;]');
    process.exitCode = 2;
    return;
  }

  const [file, before] = tool.endsWith('.dll') ? ['dotnet', [tool]] : [tool, []];
  // The agent cancels a job by signalling this process; the CLI gets one SIGTERM and ends cleanly (uploads aborted,
  // nothing deleted, exit 130). It ignores the SIGINT a terminal sends the whole group, as that is forwarded here.
  const env = { ...process.env, TF_BUILD: 'True', S3DEPLOY_PARENT_FORWARDS_CANCEL: '1' };
  const child = spawn(file, [...before, ...args], { stdio: 'inherit', cwd: workingDirectory, env });
  let forwarded = false;
  const forward = () => {
    if (!forwarded && child.exitCode === null) {
      forwarded = true;
      child.kill('SIGTERM');
    }
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', e => {
    console.log(`##vso[task.logissue type=error]${escape(`Could not run ${file}: ${e.message}. Install it with 'dotnet tool install -g S3Deploy.Cli' or set toolPath.`)}`);
    console.log('##vso[task.complete result=Failed;]');
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    const status = code ?? 1;
    if (status !== 0) {
      console.log(`##vso[task.complete result=Failed;]s3deploy exited with ${code === null ? `signal ${signal}` : `code ${code}`}`);
    }

    process.exitCode = status;
    process.removeListener('SIGINT', forward);
    process.removeListener('SIGTERM', forward);
  });
}

run();

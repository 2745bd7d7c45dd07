"""What every stage shares and that imports nothing else of baocao: findings, messages, errors, Vietnamese words."""
